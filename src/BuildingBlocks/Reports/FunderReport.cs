using System.Globalization;
using System.Text;
using Conventions.BuildingBlocks.Rendering;

namespace Conventions.BuildingBlocks.Reports;

/// <summary>How a section is drawn in the printable report: bars (by month), shares (of a whole), or a table only.</summary>
public enum ReportChart
{
    None,
    Bars,
    Shares,
}

/// <summary>One figure of the period and the same figure for the previous period.</summary>
public sealed record ReportFigure(string Key, string Label, long Value, long Previous);

/// <summary>A section of the report: its figures, in order, and how it is drawn.</summary>
public sealed record ReportSection(string Key, string Title, ReportChart Chart, IReadOnlyList<ReportFigure> Figures);

/// <summary>
/// A report for funders (issue 19): a program's figures for a period (a season, or a civil year for La Ruche) beside the
/// previous period's, computed by queries over the data. The same model answers JSON, CSV and printable HTML.
/// </summary>
public sealed record FunderReport(string Program, string Title, string Period, string PreviousPeriod, DateOnly From, DateOnly To, IReadOnlyList<ReportSection> Sections);

/// <summary>The report as French spreadsheets and printers expect it.</summary>
public static class FunderReports
{
    private static readonly TemplateRef Template = new(typeof(FunderReports).Assembly, "funder-report.sbn-html");

    /// <summary>UTF-8 with a byte-order mark, <c>;</c> separated, French labels: one line per figure.</summary>
    public static byte[] Csv(FunderReport report)
    {
        var csv = new StringBuilder();
        csv.Append("Rubrique;Indicateur;").Append(Cell(report.Period)).Append(';').Append(Cell(report.PreviousPeriod)).Append("\r\n");
        foreach (var section in report.Sections)
        {
            foreach (var figure in section.Figures)
            {
                csv.Append(Cell(section.Title)).Append(';').Append(Cell(figure.Label)).Append(';')
                    .Append(figure.Value.ToString(CultureInfo.InvariantCulture)).Append(';').Append(figure.Previous.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>A cell quoted when it holds the separator, a quote or a line break; a leading = + - @ is neutralised (no formula).</summary>
    private static string Cell(string text)
    {
        var value = text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
        return value.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    /// <summary>The printable report: each section as a table of both periods, with its chart drawn as inline SVG.</summary>
    public static string Html(DocumentRenderer renderer, FunderReport report) =>
        renderer.Render(Template, new Dictionary<string, object?>
        {
            ["title"] = report.Title,
            ["period"] = report.Period,
            ["previous"] = report.PreviousPeriod,
            ["from"] = French.Date(report.From),
            ["to"] = French.Date(report.To),
            ["sections"] = report.Sections.Select(s => new Dictionary<string, object?>
            {
                ["title"] = s.Title,
                ["bars"] = s.Chart == ReportChart.Bars,
                ["chart"] = s.Chart switch
                {
                    ReportChart.Bars => new RawHtml(Bars(s)),
                    ReportChart.Shares => new RawHtml(Shares(s)),
                    _ => null,
                },
                ["figures"] = s.Figures.Select(f => new Dictionary<string, object?>
                {
                    ["label"] = f.Label,
                    ["value"] = Number(f.Value),
                    ["previous"] = Number(f.Previous),
                    ["change"] = Change(f.Value, f.Previous),
                }).ToList(),
            }).ToList(),
        }).Html;

    private static string Number(long value) => value.ToString("#,0", CultureInfo.GetCultureInfo("fr-FR")).Replace('\u202f', ' ').Replace('\u00a0', ' ');

    private static string Change(long value, long previous) =>
        previous == 0 ? (value == 0 ? "=" : "nouveau") : $"{(value - previous) * 100.0 / previous:+0;-0;0} %".Replace('.', ',');

    /// <summary>Vertical bars, this period (dark) beside the previous (light), one pair per figure, labelled under.</summary>
    private static string Bars(ReportSection section)
    {
        const int height = 120, pair = 44, bar = 16, top = 10, bottom = 34;
        var max = Math.Max(1, section.Figures.Max(f => Math.Max(f.Value, f.Previous)));
        var width = Math.Max(1, section.Figures.Count) * pair + 20;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {width} {top + height + bottom}\" role=\"img\" aria-label=\"{DocumentRenderer.Escape(section.Title)}\">");
        for (var i = 0; i < section.Figures.Count; i++)
        {
            var f = section.Figures[i];
            var x = 10 + i * pair;
            var h = (int)Math.Round(f.Value * (double)height / max);
            var hp = (int)Math.Round(f.Previous * (double)height / max);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + bar + 2}\" y=\"{top + height - hp}\" width=\"{bar}\" height=\"{hp}\" fill=\"#bbb\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{top + height - h}\" width=\"{bar}\" height=\"{h}\" fill=\"#1f4e79\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + bar}\" y=\"{top + height + 14}\" font-size=\"9\" text-anchor=\"middle\">{DocumentRenderer.Escape(Short(f.Label))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + bar / 2}\" y=\"{top + height - h - 2}\" font-size=\"8\" text-anchor=\"middle\">{f.Value}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>One horizontal bar split into each figure's share of the period's total, with a legend.</summary>
    private static string Shares(ReportSection section)
    {
        const int width = 500;
        var total = section.Figures.Sum(f => f.Value);
        string[] colours = ["#1f4e79", "#2e75b6", "#9dc3e6", "#c55a11", "#f4b183", "#548235", "#a9d18e", "#7f6000"];
        var svg = new StringBuilder();
        var rows = section.Figures.Count;
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {width} {40 + rows * 14}\" role=\"img\" aria-label=\"{DocumentRenderer.Escape(section.Title)}\">");
        double x = 0;
        for (var i = 0; i < rows; i++)
        {
            var f = section.Figures[i];
            var w = total == 0 ? 0 : f.Value * (double)width / total;
            var colour = colours[i % colours.Length];
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"0\" width=\"{w:0.#}\" height=\"24\" fill=\"{colour}\"/>");
            x += w;
            var share = total == 0 ? 0 : f.Value * 100.0 / total;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{32 + i * 14}\" width=\"10\" height=\"10\" fill=\"{colour}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{41 + i * 14}\" font-size=\"10\">{DocumentRenderer.Escape(f.Label)} : {share.ToString("0.#", CultureInfo.GetCultureInfo("fr-FR"))} %</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Short(string label) => label.Length <= 9 ? label : label[..8] + ".";
}
