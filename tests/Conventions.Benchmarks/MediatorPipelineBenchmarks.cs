using BenchmarkDotNet.Attributes;
using Conventions.BuildingBlocks.Jobs;
using Conventions.BuildingBlocks.Mediation;
using Conventions.BuildingBlocks.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Conventions.Benchmarks;

/// <summary>
/// The cost of the mediator pipeline every request goes through (source-generated Mediator 3, scoped as in the host):
/// a bare send, and a command through the host's three behaviours (logging, FluentValidation, unit of work).
/// </summary>
[MemoryDiagnoser]
public class MediatorPipelineBenchmarks
{
    private ServiceProvider _bare = null!;
    private ServiceProvider _pipeline = null!;
    private readonly PingCommand _command = new("Samia K.", 2);

    [GlobalSetup]
    public void Setup()
    {
        _bare = Build(withBehaviours: false);
        _pipeline = Build(withBehaviours: true);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bare.Dispose();
        _pipeline.Dispose();
    }

    private static ServiceProvider Build(bool withBehaviours)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton<IValidator<PingCommand>, PingCommandValidator>();
        services.AddSingleton<IJobTrigger, NoJobs>();
        services.AddScoped<UnitOfWork>();
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [];
        });
        if (withBehaviours)
        {
            // The host's order: logging, then validation, then the unit of work.
            services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
            services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
            services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehavior<,>));
        }
        return services.BuildServiceProvider();
    }

    [Benchmark(Baseline = true, Description = "scope + send, no behaviours")]
    public async Task<int> Bare()
    {
        await using var scope = _bare.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(_command);
    }

    [Benchmark(Description = "scope + send through logging, validation, unit of work")]
    public async Task<int> HostPipeline()
    {
        await using var scope = _pipeline.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(_command);
    }

    private sealed class NoJobs : IJobTrigger
    {
        public void Trigger(string jobName)
        {
        }
    }
}

public sealed record PingCommand(string Name, int Guests) : ICommand<int>;

public sealed class PingCommandValidator : AbstractValidator<PingCommand>
{
    public PingCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Guests).InclusiveBetween(0, 10);
    }
}

public sealed class PingCommandHandler : ICommandHandler<PingCommand, int>
{
    public ValueTask<int> Handle(PingCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(command.Guests + 1);
}
