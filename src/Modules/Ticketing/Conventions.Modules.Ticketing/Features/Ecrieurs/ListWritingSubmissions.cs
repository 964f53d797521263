namespace Conventions.Modules.Ticketing.Features;

/// <summary>The texts submitted, for moderation (the operator: all; a structure: its own), newest first.</summary>
internal sealed record ListWritingSubmissions(WritingStatus? Status) : IQuery<ListResponse<WritingDto>>;

internal sealed class ListWritingSubmissionsHandler(TicketingDbContext db, ICurrentActor current, PageRequest page) : IQueryHandler<ListWritingSubmissions, ListResponse<WritingDto>>
{
    public async ValueTask<ListResponse<WritingDto>> Handle(ListWritingSubmissions query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var writings = db.Writings.AsNoTracking();
        if (!actor.Operates(TicketingAccess.Program))
        {
            var own = actor.OrganizationId;
            writings = writings.Where(w => w.OrganizationId == own);
        }
        if (query.Status is { } status)
        {
            writings = writings.Where(w => w.Status == status);
        }
        return await writings.PageAsync(w => w.SubmittedAt, w => w.Id, page, WritingMapping.ToDto, cancellationToken, descending: true);
    }
}
