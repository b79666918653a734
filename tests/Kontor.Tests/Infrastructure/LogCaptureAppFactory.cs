using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kontor.Tests.Infrastructure;

/// <summary>The app with an extra logger provider that keeps every log entry, as a log sink would receive it.</summary>
public sealed class LogCaptureAppFactory : KontorAppFactory
{
    public CapturedLog Log { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Log);
}

/// <summary>One log entry: the formatted message and the structured values a sink would store.</summary>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, string?>> Values)
{
    /// <summary>Everything a sink could write: the message and every structured value.</summary>
    public string AllText => string.Join(" | ", Values.Select(v => $"{v.Key}={v.Value}").Prepend(Message));
}

public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Values are turned into text now, as a sink does: redacted values are only valid during the call.
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception) ?? "", [.. values.Select(v => KeyValuePair.Create(v.Key, v.Value?.ToString()))]));
        }
    }
}
