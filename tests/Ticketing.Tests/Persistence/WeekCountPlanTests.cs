using Conventions.Modules.Ticketing.Domain;
using Conventions.Modules.Ticketing.Persistence;
using Conventions.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ticketing.Tests.Persistence;

/// <summary>
/// A new booking counts its beneficiary's bookings of the week (the reasonable-use warning), in the one writer's
/// section on SQLite. The index the count reads carries the booking's status, so the count reads the index alone: no
/// row of the bookings table per booking counted (issue 17: 160 table lookups a booking under the load, the writer's
/// largest read).
/// </summary>
public sealed class WeekCountPlanTests : IAsyncLifetime
{
    private readonly ConventionsFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_week_count_reads_the_beneficiary_week_and_status_index_alone()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
        var beneficiary = Guid.NewGuid();
        var week = new DateOnly(2026, 11, 30);
        // The predicate of the week count (PreparedBookingReads, EfBookingReads, BatchedBookingReads).
        var counted = db.Bookings.AsNoTracking()
            .Where(b => b.BeneficiaryId == beneficiary && b.SessionWeek == week && b.Status != BookingStatus.Cancelled)
            .Select(b => 1);

        var plan = await QueryPlans.PlanAsync(db, counted);

        Assert.Contains("BeneficiaryId_SessionWeek_Status", plan, StringComparison.Ordinal);
        if (db.IsSqlite)
        {
            Assert.Contains("COVERING INDEX", plan, StringComparison.Ordinal);
        }
        Assert.Equal(0, await counted.CountAsync());
    }
}
