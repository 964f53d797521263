using Conventions.BuildingBlocks.Rendering;

namespace Conventions.Modules.Ticketing.Domain;

/// <summary>
/// Culture pour tous art. 2: "éviter autant que possible d'aller au-delà de deux réservations par semaine et par
/// personne". A booking past that still succeeds; it carries an indicative warning (weeks run Monday to Sunday, by the
/// sessions' dates, in Paris).
/// </summary>
internal static class ReasonableUse
{
    public const int BookingsPerWeek = 2;

    /// <summary>The warning for a new booking when the person already has <paramref name="alreadyThisWeek"/> that week; null within the rule.</summary>
    public static string? WarningFor(int alreadyThisWeek, DateOnly monday) =>
        alreadyThisWeek < BookingsPerWeek
            ? null
            : $"Alerte indicative : c'est la {alreadyThisWeek + 1}e réservation de cette personne pour la semaine du {French.Date(monday)}. La convention invite à ne pas dépasser deux réservations par semaine et par personne.";
}
