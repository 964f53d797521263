using Conventions.BuildingBlocks.Persistence;
using Conventions.Modules.Ticketing.Domain;
using Conventions.Modules.Ticketing.Persistence;

namespace Ticketing.Tests.Persistence;

/// <summary>
/// The raw statements of the booking path, as each provider gets them from the EF mapping. SQLite's run in every HTTP
/// test; SQL Server's cannot run on this machine, so their text is fixed here (a mapping change shows in this diff); PostgreSQL's
/// run in CI's PostgreSQL lane.
/// </summary>
public sealed class SessionSeatsStatementTests
{
    private static MappedTable Sessions(DatabaseProvider provider)
    {
        TicketingDbContext db = provider switch
        {
            DatabaseProvider.Sqlite => new SqliteTicketingDbContext(DesignTime.Options<SqliteTicketingDbContext>(provider, TicketingDbContext.SchemaName)),
            DatabaseProvider.SqlServer => new SqlServerTicketingDbContext(DesignTime.Options<SqlServerTicketingDbContext>(provider, TicketingDbContext.SchemaName)),
            _ => new PostgreSqlTicketingDbContext(DesignTime.Options<PostgreSqlTicketingDbContext>(provider, TicketingDbContext.SchemaName)),
        };
        return MappedTable.Of<Session>(db);
    }

    [Fact]
    public void The_seat_update_is_conditional_on_the_seats_left_and_the_status()
    {
        Assert.Equal(
            "UPDATE \"ticketing_sessions\" SET \"SeatsLeft\" = \"SeatsLeft\" - @seats WHERE \"Id\" = @id AND \"Status\" = @scheduled AND \"SeatsLeft\" >= @seats",
            SessionSeats.TakeSql(Sessions(DatabaseProvider.Sqlite)));
        Assert.Equal(
            "UPDATE [ticketing].[sessions] SET [SeatsLeft] = [SeatsLeft] - @seats WHERE [Id] = @id AND [Status] = @scheduled AND [SeatsLeft] >= @seats",
            SessionSeats.TakeSql(Sessions(DatabaseProvider.SqlServer)));
        Assert.Equal(
            "UPDATE ticketing.sessions SET \"SeatsLeft\" = \"SeatsLeft\" - @seats WHERE \"Id\" = @id AND \"Status\" = @scheduled AND \"SeatsLeft\" >= @seats",
            SessionSeats.TakeSql(Sessions(DatabaseProvider.PostgreSql)));
    }

    [Fact]
    public void Joining_the_waiting_list_returns_the_new_count_and_sequence_in_each_dialect()
    {
        Assert.Equal(
            "UPDATE \"ticketing_sessions\" SET \"Waiting\" = \"Waiting\" + 1, \"WaitlistSequence\" = \"WaitlistSequence\" + 1 WHERE \"Id\" = @id AND \"Status\" = @scheduled RETURNING \"Waiting\", \"WaitlistSequence\"",
            SessionSeats.JoinSql(Sessions(DatabaseProvider.Sqlite)));
        Assert.Equal(
            "UPDATE [ticketing].[sessions] SET [Waiting] = [Waiting] + 1, [WaitlistSequence] = [WaitlistSequence] + 1 OUTPUT INSERTED.[Waiting], INSERTED.[WaitlistSequence] WHERE [Id] = @id AND [Status] = @scheduled",
            SessionSeats.JoinSql(Sessions(DatabaseProvider.SqlServer)));
        Assert.Equal(
            "UPDATE ticketing.sessions SET \"Waiting\" = \"Waiting\" + 1, \"WaitlistSequence\" = \"WaitlistSequence\" + 1 WHERE \"Id\" = @id AND \"Status\" = @scheduled RETURNING \"Waiting\", \"WaitlistSequence\"",
            SessionSeats.JoinSql(Sessions(DatabaseProvider.PostgreSql)));
    }
}
