using System.Globalization;
using System.Text;
using Conventions.BuildingBlocks.Time;
using Conventions.Modules.Partners.Contracts;

namespace Conventions.Modules.Conventions.Domain;

/// <summary>
/// Who may be named as a party's signatory, and when a document may be signed (issue 18): names and titles come from the
/// signatory contacts the party's organization registered, never from free text; the date is the server's day in Paris,
/// never earlier than the day the document was frozen.
/// </summary>
internal static class SignatureRules
{
    public static DateOnly ParisDayOf(DateTimeOffset instant) => DateOnly.FromDateTime(ParisTime.ToParis(instant).DateTime);

    public static void EnsureNotBeforeFreeze(DateTimeOffset frozenAt, DateOnly today) => EnsureNotBeforeFreeze(ParisDayOf(frozenAt), today);

    public static void EnsureNotBeforeFreeze(DateOnly frozenOn, DateOnly today)
    {
        if (today < frozenOn)
        {
            throw new ConflictException("signature.before_freeze",
                $"The document was frozen on {frozenOn:yyyy-MM-dd}: it cannot be signed on an earlier day ({today:yyyy-MM-dd}).");
        }
    }

    /// <summary>
    /// The signatory a signature names: the contact <paramref name="contactId"/>, or the organization's one signatory
    /// contact whose name is <paramref name="name"/> (case, accents and spacing aside). A name or title given beside the
    /// contact must be the contact's.
    /// </summary>
    public static RegisteredSignatory Resolve(IReadOnlyList<ContactSummary> contacts, string partyLabel, Guid? contactId, string? name, string? title)
    {
        var signatories = contacts.Where(c => c.Roles.Contains(ContactRole.Signatory)).ToList();
        ContactSummary contact;
        if (contactId is { } id)
        {
            contact = signatories.SingleOrDefault(c => c.Id == id)
                ?? throw new ConflictException("signature.unregistered_signatory", contacts.Any(c => c.Id == id)
                    ? $"Contact '{id}' of the {partyLabel} is not registered as a signatory: give it the role 'signatory' first."
                    : $"Contact '{id}' is not a contact of the {partyLabel}'s organization.");
            if (name is not null && !SameText(name, contact.FullName))
            {
                throw new ConflictException("signature.signatory_mismatch", $"Contact '{id}' is {contact.FullName}, not {name.Trim()}.");
            }
        }
        else
        {
            var named = signatories.Where(c => SameText(c.FullName, name ?? string.Empty)).ToList();
            if (named.Count > 1 && title is not null)
            {
                named = named.Where(c => SameText(c.Title ?? string.Empty, title)).ToList();
            }
            contact = named.Count switch
            {
                1 => named[0],
                0 => throw new ConflictException("signature.unregistered_signatory", signatories.Count == 0
                    ? $"The {partyLabel}'s organization has registered no signatory: add a contact with the role 'signatory' first."
                    : $"{name?.Trim()} is not a registered signatory of the {partyLabel}; its signatories are: {string.Join(", ", signatories.Select(s => s.FullName))}."),
                _ => throw new ConflictException("signature.ambiguous_signatory", $"Several signatories of the {partyLabel} are named {name?.Trim()}: give contactId."),
            };
        }
        if (string.IsNullOrWhiteSpace(contact.Title))
        {
            throw new ConflictException("signature.unregistered_signatory", $"{contact.FullName} has no title registered: the {partyLabel}'s organization records it on the contact first.");
        }
        if (title is not null && !SameText(title, contact.Title))
        {
            throw new ConflictException("signature.signatory_mismatch", $"{contact.FullName} is registered as « {contact.Title} », not « {title.Trim()} ».");
        }
        return new RegisteredSignatory(contact.Id, contact.FullName, contact.Title);
    }

    /// <summary>Equal once case, accents and runs of spaces are set aside ("Anne-Sophie  Condémine" = "ANNE-SOPHIE CONDEMINE").</summary>
    public static bool SameText(string a, string b) => string.Equals(Fold(a), Fold(b), StringComparison.Ordinal);

    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text.Trim().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsWhiteSpace(ch))
            {
                space = true;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(char.ToUpperInvariant(ch));
        }
        return builder.ToString();
    }
}
