using Conventions.BuildingBlocks;
using Conventions.BuildingBlocks.LegalCalendar;
using Conventions.BuildingBlocks.Mediation;
using Conventions.Host.Infrastructure;
using Conventions.Modules.Conventions;
using Conventions.Modules.Disputes;
using Conventions.Modules.Notices;
using Conventions.Modules.Partners;
using Conventions.Modules.Scheduling;
using Conventions.Modules.Ticketing;
using Conventions.Modules.Webhooks;

// dotnet run --project src/Host -- restore <copy.db.gz>: brings a backup copy back (refused while a host runs).
if (args is ["restore", var copy, ..])
{
    var commandBuilder = WebApplication.CreateBuilder(args[2..]);
    return await Conventions.Host.Jobs.RestoreCommand.RunAsync(copy, commandBuilder.Configuration, commandBuilder.Environment, Console.Out);
}

// dotnet Conventions.Host.dll healthcheck: the container's HEALTHCHECK asks the running host for /health/ready.
if (args is ["healthcheck", ..])
{
    return await HealthProbe.RunAsync(Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")?.Split(';')[0] ?? "8080");
}

var builder = WebApplication.CreateBuilder(args);
builder.AddConventionsLogging();
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = builder.Configuration.GetValue("Api:MaxRequestBodyBytes", 256 * 1024L));
var database = HostSetup.ResolveDatabase(builder.Configuration, builder.Environment);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Notices:PickupDirectory"] = Path.GetFullPath(
        builder.Configuration["Notices:PickupDirectory"] ?? Path.Combine(HostSetup.DataDirectory(builder.Configuration, builder.Environment), "mail-pickup"),
        builder.Environment.ContentRootPath),
    ["DataProtection:KeysDirectory"] = Path.GetFullPath(
        builder.Configuration["DataProtection:KeysDirectory"] ?? Path.Combine(HostSetup.DataDirectory(builder.Configuration, builder.Environment), "keys"),
        builder.Environment.ContentRootPath),
});

builder.Services.AddHostInfrastructure(builder.Configuration, database);
builder.Services.AddClock(builder.Configuration, builder.Environment);
builder.Services.AddBuildingBlocks();
builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(UnitOfWorkBehavior<,>), typeof(TransactionBehavior<,>), typeof(IdempotencyBehavior<,>), typeof(PreconditionBehavior<,>)];
});

// Modules: one line each.
builder.Services.AddPartnersModule(builder.Configuration);
builder.Services.AddNoticesModule(builder.Configuration);
builder.Services.AddConventionsModule(builder.Configuration);
builder.Services.AddDisputesModule(builder.Configuration);
builder.Services.AddSchedulingModule(builder.Configuration);
builder.Services.AddTicketingModule(builder.Configuration);
builder.Services.AddWebhooksModule(builder.Configuration, builder.Environment.IsDevelopment());

var app = builder.Build();
app.UseHostInfrastructure();

var api = app.MapGroup("/api/v1").RequireAuthorization().AddEndpointFilter<NextPageLinkFilter>();
api.MapPartnersModule();
api.MapNoticesModule();
api.MapConventionsModule();
api.MapDisputesModule();
api.MapSchedulingModule();
api.MapTicketingModule();
api.MapWebhooksModule();
api.MapLegalCalendar();
api.MapOperations();
app.MapConventionsMetrics();

await app.PrepareAsync();
await app.RunAsync();
return 0;

/// <summary>The host's entry point (public for WebApplicationFactory).</summary>
public partial class Program;
