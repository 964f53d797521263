using Conventions.BuildingBlocks.Mediation;
using System.Data;
using Microsoft.AspNetCore.Builder;

namespace Conventions.Modules.Scheduling.Features;

internal sealed record InternalRulesBody
{
    /// <example>Règlement intérieur de la Ruche Numérique</example>
    public string? Title { get; init; }

    /// <summary>The full text, as plain paragraphs (no markup); it is hashed as sent, trimmed.</summary>
    /// <example>Article 1 – Accès. Les locaux sont ouverts du mardi au samedi aux heures affichées. Article 2 – Usage des équipements. Les postes sont réservés aux accompagnements.</example>
    public string? Text { get; init; }
}

/// <summary>The venue's operator publishes a new version of its internal rules; partners under a premises convention at the venue are told.</summary>
[Transactional(IsolationLevel.Serializable)]
internal sealed record PublishInternalRules(Guid VenueId, InternalRulesBody Body) : ICommand<InternalRulesDto>;

internal sealed class PublishInternalRulesValidator : AbstractValidator<PublishInternalRules>
{
    public PublishInternalRulesValidator()
    {
        RuleFor(c => c.Body.Title).RequiredText(200).OverridePropertyName("title");
        RuleFor(c => c.Body.Text).RequiredParagraphs(50_000).OverridePropertyName("text");
    }
}

internal sealed class PublishInternalRulesHandler(SchedulingDbContext db, ICurrentActor current, TimeProvider clock, InternalRulesNotices notices)
    : ICommandHandler<PublishInternalRules, InternalRulesDto>
{
    public async ValueTask<InternalRulesDto> Handle(PublishInternalRules command, CancellationToken cancellationToken)
    {
        var venue = await SchedulingAccess.VenueAsync(db, command.VenueId, cancellationToken);
        SchedulingAccess.EnsureVenueOperator(current.Actor, venue);
        var last = await db.InternalRules.Where(r => r.VenueId == venue.Id).MaxAsync(r => (int?)r.Version, cancellationToken) ?? 0;
        var now = clock.GetUtcNow();
        var rules = InternalRules.Publish(venue, last + 1, command.Body.Title!.Trim(), command.Body.Text!.Trim(), current.Actor.CredentialId, now);
        db.InternalRules.Add(rules);
        await notices.PublishedAsync(db, venue, rules, now, cancellationToken);
        return InternalRulesMapping.ToDto(rules);
    }
}
