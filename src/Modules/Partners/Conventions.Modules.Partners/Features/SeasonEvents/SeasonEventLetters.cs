using Conventions.BuildingBlocks.Rendering;

namespace Conventions.Modules.Partners.Features;

/// <summary>The model of a letter about a season event: the event, and the people it names.</summary>
internal static class SeasonEventLetters
{
    public static Dictionary<string, object?> Model(SeasonEvent e, string kind, string subject, IEnumerable<EventRegistration> people)
    {
        var starts = ParisTime.ToParis(e.StartsAt);
        return new Dictionary<string, object?>
        {
            ["kind"] = kind,
            ["subject"] = subject,
            ["title"] = e.Title,
            ["date"] = French.Date(DateOnly.FromDateTime(starts.DateTime)),
            ["time"] = starts.ToString("HH\\hmm", System.Globalization.CultureInfo.InvariantCulture),
            ["place"] = e.Place,
            ["people"] = people.Select(p => new Dictionary<string, object?> { ["name"] = p.PersonName, ["role"] = p.RoleInStructure }).ToList(),
        };
    }
}
