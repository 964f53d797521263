using Conventions.BuildingBlocks.Rendering;
using Conventions.Modules.Notices.Contracts;

namespace Conventions.Modules.Partners.Features;

/// <summary>The letters about an organization's keys (issue 19): expiry ahead, and the season's new keys to collect.</summary>
internal sealed class CredentialNotices(IMediator mediator, DocumentRenderer renderer)
{
    private static readonly TemplateRef Letter = new(typeof(CredentialNotices).Assembly, "credential-notice.sbn-html");

    public static string RoleInFrench(Role role) => role switch
    {
        Role.OperatorAdmin => "administration de l'opérateur",
        Role.Booker => "réservation",
        Role.Visitor => "consultation",
        Role.Publisher => "dépôt d'offres",
        Role.Partner => "partenaire",
        _ => "administration de la plateforme",
    };

    public async Task PublishAsync(
        PartnersDbContext db, Guid organizationId, string kind, string subject, IReadOnlyList<Dictionary<string, object?>> keys, string deduplicationKey,
        DateTimeOffset now, CancellationToken cancellationToken, Dictionary<string, object?>? extra = null)
    {
        if (await mediator.Send(new GetOrganizationSummary(organizationId), cancellationToken) is not { } organization)
        {
            return;
        }
        var model = new Dictionary<string, object?>
        {
            ["kind"] = kind,
            ["subject"] = subject,
            ["organization"] = organization.Name,
            ["keys"] = keys,
            ["sender"] = "La plateforme des conventions de partenariat",
        };
        foreach (var (name, value) in extra ?? [])
        {
            model[name] = value;
        }
        db.Publish(new NoticeRequested(now, kind, subject, renderer.Render(Letter, model).Html, NoticeRecipients.ReferentsOf(organization), [organization.Id],
            DeduplicationKey: deduplicationKey));
    }
}
