using Microsoft.AspNetCore.DataProtection;
using Conventions.BuildingBlocks.Errors;
using Conventions.BuildingBlocks.Jobs;
using Conventions.BuildingBlocks.Persistence;
using Conventions.BuildingBlocks.Web;
using Conventions.Host.Access;
using Conventions.Host.Jobs;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;

namespace Conventions.Host.Infrastructure;

/// <summary>What the host adds around the modules: JSON, problem details, API keys, Swagger, Hangfire, health.</summary>
internal static class HostSetup
{
    public static DatabaseSettings ResolveDatabase(IConfiguration configuration, IHostEnvironment environment)
    {
        var providerText = configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException($"Database:Provider must be Sqlite, SqlServer or PostgreSql, not '{providerText}'.");
        }
        var connectionString = configuration.GetConnectionString("Conventions");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
            {
                throw new InvalidOperationException($"Database:Provider is {provider}: set ConnectionStrings:Conventions.");
            }
            connectionString = $"Data Source={Path.Combine(DataDirectory(configuration, environment), "conventions.db")};Pooling=True";
        }
        if (provider == DatabaseProvider.PostgreSql)
        {
            connectionString = WithPreparedStatements(connectionString);
        }
        return new DatabaseSettings { Provider = provider, ConnectionString = connectionString };
    }

    /// <summary>
    /// Npgsql prepares a statement on the server once it has run twice on a connection, unless the connection string
    /// says otherwise (<c>Max Auto Prepare</c>): the booking path runs the same few statements for every booking, and
    /// parsing and planning them each time cost two thirds of its rate (566 bookings/s unprepared, 1,842 prepared, on
    /// one host, docs/performance.md). Npgsql's multiplexing is refused: the booking group commit runs a transaction
    /// block of its own (ADR 0028), which a multiplexed connection does not carry.
    /// </summary>
    internal static string WithPreparedStatements(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Multiplexing)
        {
            throw new InvalidOperationException(
                "ConnectionStrings:Conventions sets Multiplexing=true, which the engine does not support on PostgreSQL: the booking group commit runs its own transaction block (docs/adr/0028). Remove it.");
        }
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 256;
            builder.AutoPrepareMinUsages = 2;
        }
        return builder.ConnectionString;
    }

    /// <summary><c>Database:DataDirectory</c>, by default App_Data under the host's content root.</summary>
    public static string DataDirectory(IConfiguration configuration, IHostEnvironment environment) =>
        Path.GetFullPath(configuration["Database:DataDirectory"] ?? "App_Data", environment.ContentRootPath);

    /// <summary>
    /// The system clock, or, for drills and fault tests only, the system clock shifted by <c>Conventions:ClockOffset</c>
    /// (a TimeSpan such as <c>40.00:00:00</c>): a restarted host then lives "later" and applies what fell due meanwhile.
    /// </summary>
    public static IServiceCollection AddClock(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var offset = configuration.GetValue<TimeSpan?>("Conventions:ClockOffset") ?? TimeSpan.Zero;
        if (offset == TimeSpan.Zero)
        {
            services.AddSingleton(TimeProvider.System);
            return services;
        }
        if (environment.IsProduction())
        {
            throw new InvalidOperationException("Conventions:ClockOffset is for drills and tests: it is refused in the Production environment.");
        }
        services.AddSingleton<TimeProvider>(new Conventions.BuildingBlocks.Time.OffsetTimeProvider(TimeProvider.System, offset));
        return services;
    }

    public static IServiceCollection AddHostInfrastructure(this IServiceCollection services, IConfiguration configuration, DatabaseSettings database)
    {
        services.Configure<DatabaseSettings>(s =>
        {
            s.Provider = database.Provider;
            s.ConnectionString = database.ConnectionString;
        });
        services.Configure<JsonOptions>(o => JsonDefaults.Apply(o.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => JsonDefaults.Apply(o.JsonSerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddApiRateLimits(configuration);
        services.AddPortalCors(configuration);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Extensions["traceId"] = Problems.TraceId(context.HttpContext);
            if (!problem.Extensions.ContainsKey("code"))
            {
                problem.Extensions["code"] = problem.Status switch
                {
                    404 => "route.not_found",
                    405 => "route.method_not_allowed",
                    415 => "request.unsupported_media_type",
                    _ => "request.refused",
                };
            }
        });
        services.AddExceptionHandler<AppExceptionHandler>();
        services.AddConventionsTelemetry(configuration);
        // Document links (and anything else protected) use keys kept in the data folder: they survive restarts, and hosts
        // sharing DataProtection:KeysDirectory accept each other's links.
        services.AddDataProtection()
            .SetApplicationName("Conventions")
            .PersistKeysToFileSystem(new DirectoryInfo(configuration["DataProtection:KeysDirectory"]!));

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(o =>
        {
            o.DefaultPolicy = new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .AddRequirements(new NotSuspendedRequirement())
                .Build();
        });
        services.AddSingleton<IAuthorizationHandler, NotSuspendedRequirement>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();

        services.AddConventionsSwagger();

        services.AddHangfire(hangfire =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (database.Provider == DatabaseProvider.SqlServer)
            {
                hangfire.UseSqlServerStorage(database.ConnectionString, new SqlServerStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
            }
            else if (database.Provider == DatabaseProvider.PostgreSql)
            {
                // Shared by every host on the database: a recurring job fires once per schedule across them, and a job
                // enqueued by one host may run on another. Long polling (LISTEN/NOTIFY) hands an enqueued job to a worker
                // at once rather than at the next poll.
                hangfire.UsePostgreSqlStorage(c => c.UseNpgsqlConnection(database.ConnectionString), new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    EnableLongPolling = true,
                    QueuePollInterval = TimeSpan.FromSeconds(5),
                });
            }
            else
            {
                hangfire.UseInMemoryStorage();
            }
        });
        if (configuration.GetValue("Hangfire:ServerEnabled", true))
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = configuration.GetValue("Hangfire:WorkerCount", 4);
                o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
        }
        services.AddSingleton<JobTriggerState>();
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            services.AddHostedService<CacheNotifications>();
        }
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            services.AddHostedService<SqliteCheckpointer>();
        }
        services.AddSingleton<ClusterJobLock>();
        services.AddSingleton<JobRunner>();
        services.Configure<BackupSettings>(configuration.GetSection("Backup"));
        services.AddSingleton<IJob, BackupJob>();
        services.AddSingleton<HangfireJobs>();
        services.AddSingleton<IJobTrigger>(sp => sp.GetRequiredService<HangfireJobs>());
        services.AddSingleton<IJobScheduler>(sp => sp.GetRequiredService<HangfireJobs>());

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<OutboxHealthCheck>("outbox", tags: ["ready"])
            .AddCheck<QueuesHealthCheck>("queues", tags: ["ready"])
            .AddCheck<HangfireHealthCheck>("hangfire", tags: ["ready"]);
        return services;
    }

    public static WebApplication UseHostInfrastructure(this WebApplication app)
    {
        app.UseMiddleware<TraceContextMiddleware>();
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestLimitsMiddleware>();
        app.UseMiddleware<QueryDatesMiddleware>();
        app.UseMiddleware<EnumQueryMiddleware>();
        app.UseMiddleware<PagingMiddleware>();
        // OpenAPI 3.1: nullable references are written as JSON Schema (a type list or oneOf with null), which generated
        // clients and linters read without the 3.0 "nullable" workarounds.
        app.UseSwagger(o => o.OpenApiVersion = Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_1);
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/swagger/v1/swagger.json", "Conventions engine API v1");
            o.RoutePrefix = "swagger";
            o.DocumentTitle = "Conventions engine API";
            o.EnablePersistAuthorization();
            o.DisplayRequestDuration();
        });
        app.UseCors(PortalCors.PolicyName);
        // The client's address and user agent, kept as evidence of what this request signs (issue 18).
        app.Use((context, next) =>
        {
            context.RequestServices.GetRequiredService<Conventions.BuildingBlocks.Access.RequestOrigin>()
                .Set(context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString());
            return next(context);
        });
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseMiddleware<SuspensionMiddleware>();
        app.UseMiddleware<IdempotencyKeyMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<PersonalDataAccessLogging>();

        app.UseWhen(c => c.Request.Path.StartsWithSegments("/hangfire"), branch => branch.UseMiddleware<HangfireDashboardAccessMiddleware>());
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new HangfireDashboardAuthorization()],
            DashboardTitle = "Conventions engine jobs",
            AppPath = "/swagger",
        });

        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.Write }).AllowAnonymous().WithTags("Health");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponse.Write }).AllowAnonymous().WithTags("Health");
        return app;
    }
}
