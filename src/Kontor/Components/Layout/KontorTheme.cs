using MudBlazor;

namespace Kontor.Components.Layout;

/// <summary>Kontor's colours and type. System fonts only: a self-hosted CRM fetches nothing from third parties.</summary>
internal static class KontorTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#b8860b",
            AppbarBackground = "#1f4e79",

            // MudBlazor's defaults for these fall short of WCAG AA contrast (4.5:1) under white text, and snackbars are
            // drawn at 95 % opacity on top of that; axe fails the pages on them.
            Success = "#2a7030",
            Error = "#c62828",
            Info = "#01579b",
            Warning = "#9a4d00",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}
