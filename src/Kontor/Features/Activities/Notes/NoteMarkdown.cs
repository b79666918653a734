using Ganss.Xss;
using Markdig;

namespace Kontor.Features.Activities.Notes;

/// <summary>
/// Turns a note's Markdown into HTML that is safe to show: Markdig never passes raw HTML through, and the sanitizer
/// removes what Markdown itself can express but must not run (<c>javascript:</c> links, event handlers).
/// </summary>
public static class NoteMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseTaskLists()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    // Configured once here and never changed afterwards, which keeps Sanitize safe to call from many threads.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToSafeHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
        sanitizer.AllowedTags.Remove("img");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.PostProcessNode += (_, e) =>
        {
            // Links open outside the app and do not hand it to the target page.
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor)
            {
                anchor.SetAttribute("rel", "noopener noreferrer nofollow");
                anchor.SetAttribute("target", "_blank");
            }
        };
        sanitizer.AllowedAttributes.Add("target");
        sanitizer.AllowedAttributes.Add("rel");
        return sanitizer;
    }
}
