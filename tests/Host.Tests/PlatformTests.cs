using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Conventions.Testing;
using Microsoft.Data.Sqlite;

namespace Host.Tests;

public sealed class PlatformTests(ConventionsFactory factory) : IClassFixture<ConventionsFactory>
{
    [Fact]
    public async Task Health_is_public_and_ready_checks_every_module_database()
    {
        var client = factory.Client();

        var live = await client.GetAsync("/health").ExpectAsync(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("healthy", live.Str("status"));
        Assert.Equal("healthy", ready.Str("status"));
        Assert.Equal(["database", "outbox", "queues", "hangfire"], ready.GetProperty("checks").EnumerateArray().Select(c => c.Str("name")));
    }

    [Fact]
    public async Task Swagger_ui_is_served_without_a_key()
    {
        var response = await factory.Client().GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem_with_a_code() =>
        await factory.Admin().GetAsync("/api/v1/nothing-here").ExpectProblemAsync(HttpStatusCode.NotFound, "route.not_found");

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var huge = "{\"name\":\"" + new string('a', 300 * 1024) + "\"}";

        var response = await factory.Admin().PostRawAsync("/api/v1/organizations", huge);

        await response.ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request.too_large");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var response = await factory.Admin().PostRawAsync("/api/v1/organizations", "name=x", "application/x-www-form-urlencoded");

        await response.ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
    }

    [Fact]
    public async Task The_legal_deadline_endpoint_explains_how_the_due_date_was_reached()
    {
        var body = await factory.Admin().GetAsync("/api/v1/calendar/deadline?from=2024-04-23&period=P15D").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("2024-04-23", body.Str("from"));
        Assert.Equal("P15D", body.Str("period"));
        Assert.Equal("2024-05-08", body.Str("nominalDueOn"));
        Assert.Equal("2024-05-10", body.Str("dueOn"));
        Assert.Contains("Ascension", body.Str("explanation"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_takes_the_alsace_moselle_region_and_says_which_calendar_applied()
    {
        var admin = factory.Admin();
        var local = await admin.GetAsync("/api/v1/calendar/deadline?from=2025-12-11&period=P15D&region=alsace-moselle").ExpectAsync(HttpStatusCode.OK);
        var metropolitan = await admin.GetAsync("/api/v1/calendar/deadline?from=2025-12-11&period=P15D").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(("2025-12-29", "alsace-moselle"), (local.Str("dueOn"), local.Str("region")));
        Assert.Contains("Alsace-Moselle", local.Str("explanation"), StringComparison.Ordinal);
        Assert.Equal(("2025-12-26", "metropolitan"), (metropolitan.Str("dueOn"), metropolitan.Str("region")));
        var holidays = await admin.GetAsync("/api/v1/calendar/holidays?year=2025&region=alsace-moselle").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((13, "alsace-moselle"), (holidays.GetProperty("total").GetInt32(), holidays.Str("region")));
        await admin.GetAsync("/api/v1/calendar/holidays?year=2025&region=corse").ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await admin.GetAsync("/api/v1/calendar/deadline?from=2025-12-11&period=P15D&region=alsace").ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }

    [Theory]
    [InlineData("/api/v1/calendar/deadline?from=2024-02-30&period=P15D", "from")]
    [InlineData("/api/v1/calendar/deadline?from=2024-04-23&period=P15X", "period")]
    [InlineData("/api/v1/calendar/deadline?period=P1M", "from")]
    [InlineData("/api/v1/calendar/holidays?year=abc", "year")]
    [InlineData("/api/v1/calendar/holidays?year=99999999999999999999", "year")]
    public async Task Calendar_queries_with_bad_parameters_are_400_with_the_field_named(string url, string field)
    {
        var problem = await factory.Admin().GetAsync(url).ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task The_holidays_of_a_year_are_listed()
    {
        var body = await factory.Admin().GetAsync("/api/v1/calendar/holidays?year=2024").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(11, body.GetProperty("total").GetInt32());
        Assert.Contains(body.GetProperty("items").EnumerateArray(), h => h.Str("date") == "2024-05-09" && h.Str("name") == "Ascension");
    }

    [Fact]
    public async Task An_admin_runs_a_job_now_and_an_unknown_job_is_404()
    {
        var run = await factory.Admin().PostAsync("/api/v1/admin/jobs/notices/run", null).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("notices", run.Str("name"));

        await factory.Admin().PostAsync("/api/v1/admin/jobs/nope/run", null).ExpectProblemAsync(HttpStatusCode.NotFound, "job.unknown");
    }

    [Fact]
    public async Task Only_platform_admins_run_jobs()
    {
        var admin = factory.Admin();
        var organization = await admin.CreateOrganizationAsync("Opérateur sans jobs", "association");
        var (_, key) = await admin.IssueKeyAsync(organization, "operator-admin");

        await factory.Client(key).PostAsync("/api/v1/admin/jobs/outbox/run", null).ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
    }

    [Fact]
    public async Task The_hangfire_dashboard_asks_a_browser_for_a_platform_admin_key_by_basic_authentication()
    {
        var admin = factory.Admin();
        var organization = await admin.CreateOrganizationAsync("Opérateur curieux", "association");
        var (_, operatorKey) = await admin.IssueKeyAsync(organization, "operator-admin");

        var anonymous = await factory.Client().GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Basic(operatorKey).GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Basic("wrong").GetAsync("/hangfire")).StatusCode);
        var granted = await Basic(ConventionsFactory.AdminKey).GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Contains("Conventions engine jobs", await granted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private HttpClient Basic(string password)
    {
        var client = factory.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + password)));
        return client;
    }

    [Fact]
    [Trait("Database", "Sqlite")]
    public void The_sqlite_database_runs_in_write_ahead_log_mode()
    {
        _ = factory.Services; // the host has started and migrated
        using var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "conventions.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", command.ExecuteScalar() as string);
    }
}
