using Conventions.BuildingBlocks.Rendering;
using System.Text.RegularExpressions;

namespace Conventions.Modules.Conventions.Domain;

/// <summary>
/// The "Fait à …, le …" line of a signed document (issue 18). The text frozen for signature leaves the day blank
/// (<c>&lt;span class="signing-date"&gt;_____&lt;/span&gt;</c>) and names the planned place
/// (<c>&lt;span class="signing-place"&gt;</c>): neither is known for sure until the last party signs. Once every party
/// has signed, the printed original shows the last signature's place and day in those two spans, and nothing else of the
/// frozen text changes: restoring the two spans (<see cref="Restore"/>) gives back the bytes whose SHA-256 was stored.
/// </summary>
internal static partial class SigningLine
{
    public const string Blank = "_____";

    /// <summary>The frozen text with the place and day of the last signature, when every party has signed; as frozen otherwise.</summary>
    public static string Fill(string frozen, IReadOnlyCollection<Signature> signatures, int parties, Func<DateOnly, string> frenchDate)
    {
        if (signatures.Count < parties)
        {
            return frozen;
        }
        var last = signatures.OrderBy(s => s.RecordedAt).ThenBy(s => s.Party).Last();
        var place = DocumentRenderer.Escape(last.Place);
        var day = DocumentRenderer.Escape(frenchDate(last.SignedOn));
        var filled = DateSpan().Replace(frozen, $"<span class=\"signing-date\">{day}</span>", 1);
        filled = PlaceSpan().Replace(filled, $"<span class=\"signing-place\">{place}</span>", 1);
        // Texts frozen before the spans existed: the blank day of their "Fait à" line.
        return filled == frozen ? LegacyLine().Replace(frozen, m => $"{m.Groups[1].Value}{place}, le {day}", 1) : filled;
    }

    /// <summary>A printed original's text with the frozen blanks back: the place as frozen and the day blank.</summary>
    public static string Restore(string printed, string frozenPlace) =>
        PlaceSpan().Replace(DateSpan().Replace(printed, $"<span class=\"signing-date\">{Blank}</span>", 1),
            $"<span class=\"signing-place\">{DocumentRenderer.Escape(frozenPlace)}</span>", 1);

    [GeneratedRegex("<span class=\"signing-date\">[^<]*</span>")]
    private static partial Regex DateSpan();

    [GeneratedRegex("<span class=\"signing-place\">[^<]*</span>")]
    private static partial Regex PlaceSpan();

    [GeneratedRegex("(<p class=\"made-in\">[^<]*<br>(?:A|À) )[^,<]*, le _____")]
    private static partial Regex LegacyLine();
}
