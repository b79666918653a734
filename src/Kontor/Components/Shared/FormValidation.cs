using System.Reflection;
using Kontor.Platform.Validation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Kontor.Components.Shared;

/// <summary>
/// Validates a form's request model with <see cref="RequestValidator"/> (the rules the API applies) and shows
/// field errors a slice reported back, mapping JSON paths such as <c>billingAddress.country</c> to fields.
/// </summary>
public sealed class FormValidation : ComponentBase, IDisposable
{
    private ValidationMessageStore? store;
    private EditContext? context;

    [CascadingParameter]
    private EditContext? CurrentEditContext { get; set; }

    protected override void OnParametersSet()
    {
        if (CurrentEditContext == context)
        {
            return;
        }

        Detach();
        context = CurrentEditContext ?? throw new InvalidOperationException($"{nameof(FormValidation)} must be placed inside an EditForm.");
        store = new ValidationMessageStore(context);
        context.OnValidationRequested += OnValidationRequested;
        context.OnFieldChanged += OnFieldChanged;
    }

    /// <summary>Shows errors a slice threw; returns the messages that belong to no field of the form.</summary>
    public IReadOnlyList<string> ShowServerErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        store!.Clear();
        var unplaced = new List<string>();
        foreach (var (path, messages) in errors)
        {
            if (Resolve(path) is { } field)
            {
                store.Add(field, messages);
            }
            else
            {
                unplaced.AddRange(messages);
            }
        }

        context!.NotifyValidationStateChanged();
        return unplaced;
    }

    public void Dispose() => Detach();

    private void OnValidationRequested(object? sender, ValidationRequestedEventArgs e)
    {
        store!.Clear();
        foreach (var (path, messages) in RequestValidator.Validate(context!.Model))
        {
            if (Resolve(path) is { } field)
            {
                store.Add(field, messages);
            }
        }

        context.NotifyValidationStateChanged();
    }

    private void OnFieldChanged(object? sender, FieldChangedEventArgs e)
    {
        store!.Clear(e.FieldIdentifier);
        foreach (var (path, messages) in RequestValidator.Validate(context!.Model))
        {
            if (Resolve(path) is { } field && field.Equals(e.FieldIdentifier))
            {
                store.Add(field, messages);
            }
        }

        context.NotifyValidationStateChanged();
    }

    /// <summary>Walks a camelCase JSON path through the model's properties to the field it names.</summary>
    private FieldIdentifier? Resolve(string path)
    {
        object? owner = context!.Model;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var property = owner?.GetType().GetProperty(segments[i], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (owner is null || property is null)
            {
                return null;
            }

            if (i == segments.Length - 1)
            {
                return new FieldIdentifier(owner, property.Name);
            }

            owner = property.GetValue(owner);
        }

        return null;
    }

    private void Detach()
    {
        if (context is not null)
        {
            context.OnValidationRequested -= OnValidationRequested;
            context.OnFieldChanged -= OnFieldChanged;
        }
    }
}
