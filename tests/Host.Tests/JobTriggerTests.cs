using Conventions.Host.Jobs;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Host.Tests;

/// <summary>
/// A job trigger or a due time never fails its caller, which has committed already (a booking group, a unit of work):
/// when Hangfire's storage refuses the enqueue, the job is left to its recurring schedule, and the next call tries again.
/// </summary>
public sealed class JobTriggerTests
{
    private sealed class RefusingClient : IBackgroundJobClient
    {
        public int Creates { get; private set; }

        public string Create(Job job, IState state)
        {
            Creates++;
            throw new BackgroundJobClientException("Storage unavailable.", new InvalidOperationException("connection refused"));
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => false;
    }

    [Fact]
    public void A_refused_enqueue_does_not_throw_and_the_next_trigger_tries_again()
    {
        var client = new RefusingClient();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Hangfire:ServerEnabled", "true")]).Build();
        var jobs = new HangfireJobs(client, new JobTriggerState(), configuration, TimeProvider.System, NullLogger<HangfireJobs>.Instance);

        jobs.Trigger("outbox");
        jobs.Trigger("outbox");

        Assert.Equal(2, client.Creates);
    }

    [Fact]
    public void A_refused_schedule_does_not_throw_and_the_same_instant_is_asked_again_next_time()
    {
        var client = new RefusingClient();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Hangfire:ServerEnabled", "true")]).Build();
        var jobs = new HangfireJobs(client, new JobTriggerState(), configuration, TimeProvider.System, NullLogger<HangfireJobs>.Instance);
        var due = new DateTimeOffset(2027, 1, 4, 8, 0, 0, TimeSpan.Zero);

        jobs.Schedule("deadlines", due);
        jobs.Schedule("deadlines", due);

        Assert.Equal(2, client.Creates);
    }
}
