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
