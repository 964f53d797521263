using System.Globalization;

namespace Conventions.Modules.Scheduling.Features;

internal sealed record OccurrenceDto(
    Guid Id, OccurrenceKind Kind, Guid? PermanenceId, Guid VenueId, Guid RoomId, Guid ConventionId, DateOnly Date,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Title, Activity? Activity, string? Intervenant, int Capacity,
    int Appointments, OccurrenceStatus Status, string? CancellationReason);

internal sealed record ConflictDto(Guid OccurrenceId, OccurrenceKind Kind, DateOnly Date, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Title);

internal static class SchedulingMapping
{
    public static OccurrenceDto ToDto(Occurrence o) => new(
        o.Id, o.Kind, o.PermanenceId, o.VenueId, o.RoomId, o.ConventionId, o.Date, ParisTime.ToParis(o.StartsAt), ParisTime.ToParis(o.EndsAt),
        o.Title, o.Activity, o.Intervenant, o.Capacity, o.Appointments.Count, o.Status, o.CancellationReason);

    public static string Time(TimeOnly time) => time.ToString("HH\\:mm", CultureInfo.InvariantCulture);

    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH\\:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
