using System.Globalization;
using Conventions.BuildingBlocks.Rendering;

namespace Conventions.Modules.Conventions.Features;

/// <summary>
/// The "dossier de preuve" that ends a printed convention (issue 18), as DocuSeal's audit trail ends its documents: each
/// step from draft to active with its Paris time and the document's SHA-256 then, and each signature with its evidence.
/// </summary>
internal static class EvidenceFile
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public static Dictionary<string, object?> Model(Convention convention, Parties parties) => new()
    {
        ["steps"] = convention.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new Dictionary<string, object?>
        {
            ["at"] = ParisStamp(h.At),
            ["label"] = StepLabel(h.Kind),
            ["sha256"] = h.DocumentSha256,
            ["credential"] = h.CredentialId?.ToString(),
        }).ToList(),
        ["signatures"] = convention.Signatures.OrderBy(s => s.RecordedAt).ThenBy(s => s.Party).Select(s => new Dictionary<string, object?>
        {
            ["party"] = s.Party == ConventionParty.Operator ? $"Opérateur – {parties.Operator.Name}" : $"Partenaire – {parties.Partner.Name}",
            ["name"] = s.SignatoryName,
            ["title"] = s.SignatoryTitle,
            ["contact"] = s.ContactId?.ToString(),
            ["place"] = s.Place,
            ["signed_on"] = French.Date(s.SignedOn),
            ["at_paris"] = ParisStamp(s.RecordedAt),
            ["at_utc"] = s.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["credential"] = s.CredentialId is { } id ? $"{s.CredentialLabel} ({id})" : s.CredentialLabel,
            ["address"] = s.ClientAddress,
            ["user_agent"] = s.UserAgent,
            ["sha256"] = s.DocumentSha256,
        }).ToList(),
    };

    /// <summary>"15 décembre 2023 à 11:00:00 (heure de Paris, UTC+01:00)".</summary>
    public static string ParisStamp(DateTimeOffset instant)
    {
        var paris = ParisTime.ToParis(instant);
        var offset = paris.Offset;
        return $"{French.Date(DateOnly.FromDateTime(paris.DateTime))} à {paris.ToString("HH:mm:ss", Fr)} (heure de Paris, UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm})";
    }

    public static string StepLabel(string kind) => kind switch
    {
        "drafted" => "Projet rédigé",
        "edited" => "Projet modifié",
        "sent-for-signature" => "Texte figé et envoyé pour signature",
        "signed" => "Signature d’une partie",
        "signed-by-both" => "Signée par les deux parties",
        "activated" => "Entrée en vigueur",
        "amendment-drafted" => "Avenant rédigé",
        "amendment-applied" => "Avenant appliqué",
        "committee-scheduled" => "Comité de suivi programmé",
        "committee-decision" => "Décision du comité de suivi",
        "committee-reminder" => "Rappel du comité de suivi",
        "end-of-term-notice" => "Avis de fin de terme",
        "renewed" => "Reconduction",
        "suspended" => "Suspension",
        "reinstated" => "Reprise",
        "terminated" => "Résiliation",
        "lapsed" => "Caducité",
        "expired" => "Fin du terme",
        _ => kind,
    };
}
