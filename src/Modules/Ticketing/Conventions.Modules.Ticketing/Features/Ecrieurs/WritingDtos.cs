namespace Conventions.Modules.Ticketing.Features;

/// <summary>A published text as anyone reads it: the outing (offer) and the words, signed as the author agreed, nothing else.</summary>
internal sealed record PublicWritingDto(Guid Id, Guid OfferId, string OfferTitle, OfferCategory Category, string? AuthorName, string Text, DateTimeOffset PublishedAt);

/// <summary>A text as its structure and the operator follow it: its outing, status and the moderation's reason.</summary>
internal sealed record WritingDto(
    Guid Id, Guid OfferId, Guid BookingId, Guid OrganizationId, string? AuthorName, string Text, WritingStatus Status, string? ModerationReason,
    DateTimeOffset ConsentRecordedAt, DateTimeOffset SubmittedAt, DateTimeOffset? PublishedAt, DateTimeOffset? ModeratedAt);

internal static class WritingMapping
{
    public static WritingDto ToDto(Writing w) => new(
        w.Id, w.OfferId, w.BookingId, w.OrganizationId, w.AuthorName, w.Text, w.Status, w.ModerationReason, w.ConsentRecordedAt, w.SubmittedAt, w.PublishedAt, w.ModeratedAt);

    /// <summary>The operators of Culture pour tous (and the platform) moderate.</summary>
    public static void EnsureModerator(Actor actor)
    {
        if (!actor.Operates(TicketingAccess.Program))
        {
            throw new ForbiddenException("writing.operator_only", "Only the operators of Culture pour tous moderate Les écrieurs.");
        }
    }
}
