using System.Data.Common;
using System.Globalization;
using Conventions.BuildingBlocks.Idempotency;
using Microsoft.EntityFrameworkCore.Storage;

namespace Conventions.Modules.Ticketing.Persistence;

/// <summary>
/// What deciding a new booking reads: the beneficiary (of the booking's organization), the session, the beneficiary's
/// bookings that week, the offer's publisher and a stored answer to the request's <c>Idempotency-Key</c>. On SQLite the
/// group commit reads them itself, in its transaction, with statements prepared once per group
/// (<see cref="PreparedBookingReads"/>, ADR 0026); on PostgreSQL the group commit reads the whole group's in one round
/// trip (<see cref="BatchedBookingReads"/>, ADR 0028); on SQL Server the request reads them before queueing its booking
/// (<see cref="EfBookingReads"/>, also what the others fall back on for a read they did not fetch).
/// </summary>
internal interface IBookingReads
{
    /// <summary>The beneficiary's id and name, when the beneficiary belongs to this organization.</summary>
    ValueTask<(Guid Id, string DisplayName)?> BeneficiaryAsync(Guid beneficiaryId, Guid organizationId, CancellationToken cancellationToken);

    ValueTask<BookableSession?> SessionAsync(Guid sessionId, CancellationToken cancellationToken);

    /// <summary>The beneficiary's bookings not cancelled on sessions of this week (Monday).</summary>
    ValueTask<int> BookingsInWeekAsync(Guid beneficiaryId, DateOnly week, CancellationToken cancellationToken);

    ValueTask<Guid> PublisherOfAsync(Guid offerId, CancellationToken cancellationToken);

    /// <summary>The answer stored for this credential's key, expired or not (the idempotency behaviour judges).</summary>
    ValueTask<IdempotencyRecord?> StoredAnswerAsync(Guid credentialId, string key, CancellationToken cancellationToken);
}

/// <summary>
/// The booking's reads through EF's compiled queries: on the request's context on SQL Server; on PostgreSQL, the group's
/// reads that its one batch did not fetch.
/// </summary>
internal sealed class EfBookingReads(TicketingDbContext db) : IBookingReads
{
    public async ValueTask<(Guid Id, string DisplayName)?> BeneficiaryAsync(Guid beneficiaryId, Guid organizationId, CancellationToken cancellationToken) =>
        await BeneficiaryOf(db, beneficiaryId, organizationId) is { } found ? (found.Id, found.DisplayName) : null;

    public async ValueTask<BookableSession?> SessionAsync(Guid sessionId, CancellationToken cancellationToken) =>
        (await SessionById(db, sessionId))?.ForBooking;

    public async ValueTask<int> BookingsInWeekAsync(Guid beneficiaryId, DateOnly week, CancellationToken cancellationToken) =>
        await BookingsInWeek(db, beneficiaryId, week);

    public async ValueTask<Guid> PublisherOfAsync(Guid offerId, CancellationToken cancellationToken) => await PublisherOf(db, offerId);

    public async ValueTask<IdempotencyRecord?> StoredAnswerAsync(Guid credentialId, string key, CancellationToken cancellationToken) =>
        await StoredAnswer(db, credentialId, key);

    // Compiled once: each booking skips EF's expression processing and query-cache lookup.
    private static readonly Func<TicketingDbContext, Guid, Guid, Task<Beneficiary?>> BeneficiaryOf = EF.CompileAsyncQuery(
        (TicketingDbContext db, Guid id, Guid organization) => db.Beneficiaries.AsNoTracking().SingleOrDefault(b => b.Id == id && b.OrganizationId == organization));

    private static readonly Func<TicketingDbContext, Guid, Task<Session?>> SessionById = EF.CompileAsyncQuery(
        (TicketingDbContext db, Guid id) => db.Sessions.AsNoTracking().SingleOrDefault(s => s.Id == id));

    private static readonly Func<TicketingDbContext, Guid, Task<Guid>> PublisherOf = EF.CompileAsyncQuery(
        (TicketingDbContext db, Guid offer) => db.Offers.Where(o => o.Id == offer).Select(o => o.PublisherOrganizationId).Single());

    private static readonly Func<TicketingDbContext, Guid, DateOnly, Task<int>> BookingsInWeek = EF.CompileAsyncQuery(
        (TicketingDbContext db, Guid beneficiary, DateOnly week) => db.Bookings.Count(b => b.BeneficiaryId == beneficiary && b.SessionWeek == week && b.Status != BookingStatus.Cancelled));

    private static readonly Func<TicketingDbContext, Guid, string, Task<IdempotencyRecord?>> StoredAnswer = EF.CompileAsyncQuery(
        (TicketingDbContext db, Guid credential, string key) => db.IdempotencyRecords.AsNoTracking().SingleOrDefault(r => r.CredentialId == credential && r.Key == key));
}

/// <summary>
/// The booking's reads in the group commit's transaction (SQLite), each statement prepared on first use and run for
/// every booking of the group. The writer is the only connection that writes, so its page cache stays valid from one
/// group to the next, where a request's own reads would find theirs reset by every commit and read the pages again.
/// The statements follow the EF mapping (<see cref="MappedTable"/>): names, converters and parameter types as EF has them.
/// </summary>
internal sealed class PreparedBookingReads(TicketingDbContext db) : IBookingReads, IAsyncDisposable
{
    private MappedQuery? _beneficiary;
    private MappedQuery? _session;
    private MappedQuery? _week;
    private MappedQuery? _publisher;
    private MappedQuery? _answer;

    public async ValueTask<(Guid Id, string DisplayName)?> BeneficiaryAsync(Guid beneficiaryId, Guid organizationId, CancellationToken cancellationToken)
    {
        _beneficiary ??= MappedQuery.Of(BookingSelects.Beneficiary(db));
        await using var reader = await _beneficiary
            .With("@id", nameof(Beneficiary.Id), beneficiaryId)
            .With("@organization", nameof(Beneficiary.OrganizationId), organizationId)
            .ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (beneficiaryId, _beneficiary.Get<string>(reader, 0)) : null;
    }

    /// <summary>
    /// Read once per group: a hot session is booked by most of a group, and in the writer's transaction no other
    /// transaction can change it (SQLite has one writer); what this one changes, its seats, is not read here.
    /// </summary>
    public async ValueTask<BookableSession?> SessionAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (!_sessions.TryGetValue(sessionId, out var session))
        {
            _sessions[sessionId] = session = await ReadSessionAsync(sessionId, cancellationToken);
        }
        return session;
    }

    private readonly Dictionary<Guid, BookableSession?> _sessions = [];

    private async ValueTask<BookableSession?> ReadSessionAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        _session ??= MappedQuery.Of(BookingSelects.Session(db));
        await using var reader = await _session.With("@id", nameof(Session.Id), sessionId).ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? BookingSelects.SessionFrom(_session.Selected, reader, sessionId) : null;
    }

    public async ValueTask<int> BookingsInWeekAsync(Guid beneficiaryId, DateOnly week, CancellationToken cancellationToken)
    {
        _week ??= MappedQuery.Count<Booking>(db,
            $"{{{nameof(Booking.BeneficiaryId)}}} = @beneficiary AND {{{nameof(Booking.SessionWeek)}}} = @week AND {{{nameof(Booking.Status)}}} <> @cancelled");
        var count = await _week
            .With("@beneficiary", nameof(Booking.BeneficiaryId), beneficiaryId)
            .With("@week", nameof(Booking.SessionWeek), week)
            .With("@cancelled", nameof(Booking.Status), BookingStatus.Cancelled)
            .ExecuteScalarAsync(cancellationToken);
        return Convert.ToInt32(count, CultureInfo.InvariantCulture);
    }

    public async ValueTask<Guid> PublisherOfAsync(Guid offerId, CancellationToken cancellationToken)
    {
        _publisher ??= MappedQuery.Select<Offer>(db, [nameof(Offer.PublisherOrganizationId)], $"{{{nameof(Offer.Id)}}} = @id");
        await using var reader = await _publisher.With("@id", nameof(Offer.Id), offerId).ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? _publisher.Get<Guid>(reader, 0)
            : throw new InvalidOperationException($"Offer {offerId} of a session read in the same transaction is missing.");
    }

    public async ValueTask<IdempotencyRecord?> StoredAnswerAsync(Guid credentialId, string key, CancellationToken cancellationToken)
    {
        _answer ??= MappedQuery.Of(BookingSelects.Answer(db));
        await using var reader = await _answer
            .With("@credential", nameof(IdempotencyRecord.CredentialId), credentialId)
            .With("@key", nameof(IdempotencyRecord.Key), key)
            .ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? BookingSelects.AnswerFrom(_answer.Selected, reader, credentialId, key) : null;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var query in new[] { _beneficiary, _session, _week, _publisher, _answer })
        {
            if (query is not null)
            {
                await query.DisposeAsync();
            }
        }
    }
}
