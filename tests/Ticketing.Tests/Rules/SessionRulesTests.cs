using Conventions.BuildingBlocks.Errors;
using Conventions.Modules.Ticketing.Domain;

namespace Ticketing.Tests.Rules;

public sealed class SessionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 11, 0, 0, TimeSpan.Zero);

    private static Session Scheduled(DateTimeOffset? startsAt = null, DateTimeOffset? opens = null, DateTimeOffset? closes = null) =>
        Session.Plan(Guid.NewGuid(), new SessionPlan(startsAt ?? Now.AddDays(10), 40, opens, closes));

    [Fact]
    public void A_scheduled_session_in_the_future_with_an_open_window_is_bookable() =>
        Scheduled(opens: Now.AddDays(-1), closes: Now.AddDays(1)).EnsureBookable(Now);

    [Fact]
    public void A_cancelled_session_is_neither_booked_nor_changed()
    {
        var session = Scheduled();
        session.Cancel("Comédien souffrant", Now);

        Assert.Equal("session.cancelled", Assert.Throws<ConflictException>(() => session.EnsureBookable(Now)).Code);
        Assert.Equal("session.cancelled", Assert.Throws<ConflictException>(() => session.EnsureChangeable(Now)).Code);
        Assert.Equal("session.cancelled", Assert.Throws<ConflictException>(() => session.Cancel("encore", Now)).Code);
    }

    [Fact]
    public void A_session_that_has_started_is_neither_booked_nor_changed()
    {
        var session = Scheduled(startsAt: Now);

        Assert.Equal("session.started", Assert.Throws<ConflictException>(() => session.EnsureBookable(Now)).Code);
        Assert.Equal("session.started", Assert.Throws<ConflictException>(() => session.EnsureChangeable(Now)).Code);
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(null, 0)]
    [InlineData(null, -1)]
    public void Outside_its_booking_window_a_session_is_not_bookable(int? opensInHours, int? closesInHours)
    {
        var session = Scheduled(
            opens: opensInHours is { } o ? Now.AddHours(o) : null,
            closes: closesInHours is { } c ? Now.AddHours(c) : null);

        Assert.Equal("session.booking_closed", Assert.Throws<ConflictException>(() => session.EnsureBookable(Now)).Code);
        session.EnsureChangeable(Now);
    }

    [Fact]
    public void Cancelling_keeps_the_reason()
    {
        var session = Scheduled();

        session.Cancel("Salle indisponible", Now);

        Assert.Equal((SessionStatus.Cancelled, "Salle indisponible"), (session.Status, session.CancellationReason));
    }
}
