using System.Net;
using System.Text;
using Conventions.Testing;
using Scheduling.Tests.Driver;

namespace Scheduling.Tests.Reports;

/// <summary>
/// <c>GET /programs/ruche-numerique/reports/{year}</c> (issue 19): the yearly report for funders as JSON, CSV and
/// printable HTML, computed from the data; the seed's 2023 figures come back as 8,123 visitors.
/// </summary>
public sealed class RucheReportTests : SchedulingTest
{
    private const string Url = "/api/v1/programs/ruche-numerique/reports";

    private async Task Record2023Async()
    {
        var figures = new Dictionary<string, int> { ["walk-in"] = 3855, ["appointment"] = 565, ["autonomous-access"] = 1394, ["partner"] = 619, ["digital-adviser"] = 742, ["other"] = 948 };
        foreach (var (category, count) in figures)
        {
            await Premises.VisitsCall("2023-03-14", category, count / 2).ExpectAsync(HttpStatusCode.Created);
            await Premises.VisitsCall("2023-10-02", category, count - (count / 2)).ExpectAsync(HttpStatusCode.Created);
        }
        await Premises.VisitsCall("2022-06-01", "walk-in", 4000).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_2023_report_counts_8123_visitors_by_category_and_month_beside_2022()
    {
        await Record2023Async();

        var report = await Premises.Operator.GetAsync($"{Url}/2023").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(("2023", "2022"), (report.Str("period"), report.Str("previousPeriod")));
        var summary = report.GetProperty("sections")[0].GetProperty("figures")[0];
        Assert.Equal(("visitors", 8123, 4000), (summary.Str("key"), summary.GetProperty("value").GetInt64(), summary.GetProperty("previous").GetInt64()));
        var months = report.GetProperty("sections").EnumerateArray().Single(s => s.Str("key") == "visitors-by-month").GetProperty("figures");
        Assert.Equal(8123 - (3855 - 3855 / 2) - (565 - 565 / 2) - (1394 - 1394 / 2) - (619 - 619 / 2) - (742 - 742 / 2) - (948 - 948 / 2), months[2].GetProperty("value").GetInt64());
        await Premises.Partner.GetAsync($"{Url}/2023").ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
        await Premises.Operator.GetAsync($"{Url}/2023?format=xlsx").ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task The_report_reads_as_a_french_csv_and_as_a_printable_page_with_its_charts()
    {
        await Record2023Async();

        var csv = await Premises.Operator.GetAsync($"{Url}/2023?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Rubrique;Indicateur;2023;2022", lines[0]);
        Assert.Contains("Synthèse;Visiteurs accueillis;8123;4000", lines);
        Assert.Contains("Visiteurs par catégorie;Accueil sans rendez-vous;3855;4000", lines);

        var html = await Premises.Operator.GetStringAsync($"{Url}/2023?format=html");
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Approvals.Verify(html, "ruche-numerique-report-2023");
    }
}
