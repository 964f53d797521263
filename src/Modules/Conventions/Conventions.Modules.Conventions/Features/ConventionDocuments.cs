using System.Text.Json;
using Conventions.BuildingBlocks.Rendering;
using Conventions.Modules.Partners.Contracts;

namespace Conventions.Modules.Conventions.Features;

/// <summary>The two parties of a convention, as the Partners module describes them.</summary>
internal sealed record Parties(OrganizationSummary Operator, OrganizationSummary Partner)
{
    /// <summary>The operator's logo as a <c>data:</c> URI, when the template prints logos and the operator uploaded one.</summary>
    public string? OperatorLogo { get; init; }

    /// <summary>The partner's logo as a <c>data:</c> URI, when the template prints logos and the partner uploaded one.</summary>
    public string? PartnerLogo { get; init; }
}

/// <summary>Builds the plain models the convention templates are fed, and renders them.</summary>
internal sealed class ConventionDocuments(DocumentRenderer renderer, IMediator mediator)
{
    private static TemplateRef Template(string file) => new(typeof(ConventionDocuments).Assembly, file);

    public async Task<Parties> PartiesAsync(Convention convention, CancellationToken cancellationToken) =>
        await PartiesAsync(convention.OperatorOrganizationId, convention.PartnerOrganizationId, cancellationToken);

    /// <summary>
    /// The parties with what the convention's text prints of them, their logos included when the template shows them:
    /// for rendering the text (a draft, or the freeze), not for letters and effects, which never load the images.
    /// </summary>
    public async Task<Parties> PartiesForTextAsync(Convention convention, CancellationToken cancellationToken)
    {
        var parties = await PartiesAsync(convention, cancellationToken);
        if (TemplateCatalog.Find(convention.TemplateKey)?.PrintsLogos != true)
        {
            return parties;
        }
        var operatorLogo = await mediator.Send(new GetOrganizationLogo(convention.OperatorOrganizationId), cancellationToken);
        var partnerLogo = await mediator.Send(new GetOrganizationLogo(convention.PartnerOrganizationId), cancellationToken);
        return parties with { OperatorLogo = operatorLogo?.DataUri, PartnerLogo = partnerLogo?.DataUri };
    }

    public async Task<Parties> PartiesAsync(Guid operatorId, Guid partnerId, CancellationToken cancellationToken)
    {
        var @operator = await mediator.Send(new GetOrganizationSummary(operatorId), cancellationToken)
            ?? throw NotFoundException.For("organization", operatorId);
        var partner = await mediator.Send(new GetOrganizationSummary(partnerId), cancellationToken)
            ?? throw NotFoundException.For("organization", partnerId);
        return new Parties(@operator, partner);
    }

    /// <summary>The convention's text: a draft to read, or the text frozen when sent for signature.</summary>
    public RenderedDocument RenderBody(Convention convention, Parties parties, bool draft)
    {
        var template = TemplateCatalog.Find(convention.TemplateKey)!;
        var variables = EffectiveVariables(template, convention.Variables, parties, convention);
        var shortName = variables.GetValueOrDefault("partnerShortName") as string ?? parties.Partner.Name;
        var model = new Dictionary<string, object?>
        {
            ["draft"] = draft,
            ["title"] = template.Title,
            ["season"] = variables.GetValueOrDefault("season") ?? $"{convention.StartsOn.Year}-{convention.EndsOn.Year}",
            ["operator"] = Party(parties.Operator, convention.OperatorSignatory, parties.Operator.Name, parties.OperatorLogo),
            ["partner"] = Party(parties.Partner, convention.PartnerSignatory, shortName, parties.PartnerLogo),
            ["starts_on"] = French.Date(convention.StartsOn),
            ["ends_on"] = French.Date(convention.EndsOn),
            ["place"] = convention.Place,
            ["commitments"] = new Dictionary<string, object?>
            {
                ["partner_guarantees"] = Texts(template, ConventionParty.Partner, TemplateCatalog.Guarantees, shortName),
                ["partner_authorizations"] = Texts(template, ConventionParty.Partner, TemplateCatalog.Authorizations, shortName),
                ["partner_undertakings"] = Texts(template, ConventionParty.Partner, TemplateCatalog.Undertakings, shortName),
                ["operator_undertakings"] = Texts(template, ConventionParty.Operator, TemplateCatalog.Undertakings, shortName),
                ["mediation"] = Texts(template, ConventionParty.Partner, TemplateCatalog.Mediation, shortName),
            },
            ["variables"] = variables.ToDictionary(v => SnakeCase(v.Key), v => v.Value),
        };
        // The frozen fragment carries no surrounding whitespace: printed as is, its bytes hash to the stored SHA-256.
        return RenderedDocument.Of(renderer.Render(Template(template.FileName), model).Html.Trim());
    }

    /// <summary>The printable document: the frozen text (or the draft), the signatures, the hash and the original's number.</summary>
    public string RenderPrint(Convention convention, Parties parties, int? original, IReadOnlyList<Amendment> appliedAmendments)
    {
        var template = TemplateCatalog.Find(convention.TemplateKey)!;
        var body = convention.DocumentHtml is { } frozenText
            ? SigningLine.Fill(frozenText, convention.Signatures, 2, French.Date)
            : RenderBody(convention, parties, draft: true).Html;
        var model = new Dictionary<string, object?>
        {
            ["title"] = template.Title,
            ["original"] = original,
            ["body"] = new RawHtml(body),
            ["frozen"] = convention.DocumentHtml is not null,
            ["frozen_on"] = convention.FrozenAt is { } frozen ? French.Date(DateOnly.FromDateTime(BuildingBlocks.Time.ParisTime.ToParis(frozen).DateTime)) : null,
            ["sha256"] = convention.DocumentSha256,
            ["version"] = convention.Version,
            ["signatures"] = convention.Signatures.OrderBy(s => s.Party).Select(s => new Dictionary<string, object?>
            {
                ["party"] = PartyLabel(s.Party, parties),
                ["name"] = s.SignatoryName,
                ["title"] = s.SignatoryTitle,
                ["place"] = s.Place,
                ["signed_on"] = French.Date(s.SignedOn),
            }).ToList(),
            ["unsigned"] = new[] { ConventionParty.Operator, ConventionParty.Partner }
                .Where(p => convention.Signatures.All(s => s.Party != p)).Select(p => PartyLabel(p, parties)).ToList(),
            ["evidence"] = EvidenceFile.Model(convention, parties),
            ["amendments"] = appliedAmendments.OrderBy(a => a.Number).Select(a => new Dictionary<string, object?>
            {
                ["number"] = a.Number,
                ["summary"] = a.Summary,
                ["sha256"] = a.DocumentSha256,
            }).ToList(),
        };
        return renderer.Render(Template("convention-print.sbn-html"), model).Html;
    }

    public RenderedDocument RenderAmendment(Convention convention, Parties parties, int number, string summary, DateOnly? newEndsOn, IReadOnlyDictionary<string, string> variables)
    {
        var template = TemplateCatalog.Find(convention.TemplateKey)!;
        var model = new Dictionary<string, object?>
        {
            ["number"] = number,
            ["convention_title"] = template.Title,
            ["operator"] = Party(parties.Operator, convention.OperatorSignatory, parties.Operator.Name),
            ["partner"] = Party(parties.Partner, convention.PartnerSignatory, parties.Partner.Name),
            ["starts_on"] = French.Date(convention.StartsOn),
            ["ends_on"] = French.Date(convention.EndsOn),
            ["convention_sha256"] = convention.DocumentSha256,
            ["summary"] = summary,
            ["new_ends_on"] = newEndsOn is { } end ? French.Date(end) : null,
            ["variable_changes"] = variables.OrderBy(v => v.Key, StringComparer.Ordinal)
                .Select(v => new Dictionary<string, object?> { ["name"] = v.Key, ["value"] = v.Value }).ToList(),
            ["place"] = convention.Place,
        };
        return RenderedDocument.Of(renderer.Render(Template("amendment.sbn-html"), model).Html.Trim());
    }

    /// <summary>A French letter about the convention (end of term, committee reminder, renewal, expiry, entry into force).</summary>
    public string RenderNotice(
        string kind, string subject, Convention convention, Parties parties, DateOnly today, TermBasis? basis = null,
        DateOnly? periodStartsOn = null, DateOnly? periodEndsOn = null, IReadOnlyDictionary<string, object?>? extra = null)
    {
        var startsOn = periodStartsOn ?? convention.PeriodStartsOn;
        var endsOn = periodEndsOn ?? convention.PeriodEndsOn;
        var template = TemplateCatalog.Find(convention.TemplateKey)!;
        var model = new Dictionary<string, object?>
        {
            ["kind"] = kind,
            ["subject"] = subject,
            ["convention_title"] = template.Title,
            ["period"] = $"{French.Date(startsOn)} – {French.Date(endsOn)}",
            ["operator"] = new Dictionary<string, object?> { ["name"] = parties.Operator.Name },
            ["partner"] = new Dictionary<string, object?> { ["name"] = parties.Partner.Name },
            ["today"] = French.Date(today),
            ["starts_on"] = French.Date(convention.StartsOn),
            ["ends_on"] = French.Date(convention.RenewalPolicy == RenewalPolicy.None ? convention.EndsOn : endsOn),
            ["period_starts_on"] = French.Date(startsOn),
            ["period_ends_on"] = French.Date(endsOn),
            ["basis"] = basis switch
            {
                TermBasis.FixedTerm => "fixed-term",
                TermBasis.Tacit => "tacit",
                TermBasis.Agreed => "agreed",
                TermBasis.TacitUnconfirmed => "tacit-unconfirmed",
                TermBasis.CommitteeRefused => "committee-refused",
                TermBasis.PartnerDeclined => "partner-declined",
                _ => null,
            },
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, object?>())
        {
            model[name] = value;
        }
        return renderer.Render(Template("convention-notice.sbn-html"), model).Html;
    }

    /// <summary>The template's parameters with the convention's values, or their defaults.</summary>
    public static Dictionary<string, object?> EffectiveVariables(ConventionTemplate template, IReadOnlyDictionary<string, string> values, Parties parties, Convention convention)
    {
        var result = new Dictionary<string, object?>();
        foreach (var parameter in template.Parameters)
        {
            var value = values.TryGetValue(parameter.Name, out var given) && !string.IsNullOrWhiteSpace(given)
                ? given
                : parameter.Name switch
                {
                    "partnerFullName" or "partnerShortName" => parties.Partner.Name,
                    "season" => $"{convention.StartsOn.Year}-{convention.EndsOn.Year}",
                    _ => parameter.Default,
                };
            result[parameter.Name] = parameter.IsList
                ? (value ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
                : value;
        }
        return result;
    }

    private static Dictionary<string, object?> Party(OrganizationSummary organization, Signatory signatory, string shortName, string? logo = null) => new()
    {
        ["logo"] = logo,
        ["name"] = organization.Name,
        ["short_name"] = shortName,
        ["line1"] = organization.Address.Line1,
        ["postal_code"] = organization.Address.PostalCode,
        ["city"] = organization.Address.City,
        ["signatory_name"] = signatory.FullName,
        ["signatory_title"] = signatory.Title,
    };

    private static List<string> Texts(ConventionTemplate template, ConventionParty party, string section, string shortName) =>
        template.CommitmentsOf(party, section).Select(c => c.Text.Replace("{partenaire}", shortName, StringComparison.Ordinal)).ToList();

    private static string PartyLabel(ConventionParty party, Parties parties) =>
        party == ConventionParty.Operator ? $"Opérateur – {parties.Operator.Name}" : $"Partenaire – {parties.Partner.Name}";

    private static string SnakeCase(string camel) => JsonNamingPolicy.SnakeCaseLower.ConvertName(camel);
}
