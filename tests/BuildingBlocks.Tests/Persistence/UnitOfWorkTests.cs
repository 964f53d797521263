using Conventions.BuildingBlocks.Jobs;
using Conventions.BuildingBlocks.Outbox;
using Conventions.BuildingBlocks.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BuildingBlocks.Tests.Persistence;

public sealed class UnitOfWorkTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"uow-{Guid.NewGuid():N}.db");

    private sealed class RecordingTrigger : IJobTrigger
    {
        public List<string> Triggered { get; } = [];

        public void Trigger(string jobName) => Triggered.Add(jobName);
    }

    private sealed record SomethingHappened(DateTimeOffset OccurredAt) : IntegrationEvent(OccurredAt);

    private sealed class TestContext(DbContextOptions options) : ModuleDbContext(options)
    {
        public override string Schema => "test";

        protected override void ConfigureModel(ModelBuilder modelBuilder)
        {
        }
    }

    private TestContext NewContext()
    {
        var context = new TestContext(new DbContextOptionsBuilder<TestContext>().UseSqlite($"Data Source={_path}").Options);
        context.Database.EnsureCreated();
        return context;
    }

    [Fact]
    public async Task Events_a_handler_saved_in_its_own_transaction_still_trigger_the_outbox_job_at_once()
    {
        var trigger = new RecordingTrigger();
        var unitOfWork = new UnitOfWork(trigger);
        await using var context = NewContext();
        unitOfWork.Enlist(context);

        await ModuleTransaction.RunAsync(context, System.Data.IsolationLevel.Serializable, _ =>
        {
            context.Publish(new SomethingHappened(DateTimeOffset.UnixEpoch));
            return Task.FromResult(0);
        }, CancellationToken.None);
        await unitOfWork.CommitAsync(CancellationToken.None);

        Assert.Equal(new[] { JobNames.Outbox }, trigger.Triggered);
        Assert.Equal(1, await context.OutboxMessages.CountAsync());
    }

    [Fact]
    public async Task A_unit_of_work_that_published_nothing_triggers_nothing()
    {
        var trigger = new RecordingTrigger();
        var unitOfWork = new UnitOfWork(trigger);
        await using var context = NewContext();
        unitOfWork.Enlist(context);

        await ModuleTransaction.RunAsync(context, System.Data.IsolationLevel.Serializable, _ => Task.FromResult(0), CancellationToken.None);
        await unitOfWork.CommitAsync(CancellationToken.None);

        Assert.Empty(trigger.Triggered);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
