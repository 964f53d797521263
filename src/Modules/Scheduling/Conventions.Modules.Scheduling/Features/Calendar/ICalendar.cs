using System.Globalization;
using System.Text;

namespace Conventions.Modules.Scheduling.Features;

/// <summary>Writes RFC 5545 iCalendar: Europe/Paris time zone, one VEVENT per occurrence, CRLF and 75-octet folding.</summary>
internal static class ICalendar
{
    private const string ParisTimeZone = """
        BEGIN:VTIMEZONE
        TZID:Europe/Paris
        BEGIN:DAYLIGHT
        TZOFFSETFROM:+0100
        TZOFFSETTO:+0200
        TZNAME:CEST
        DTSTART:19700329T020000
        RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
        END:DAYLIGHT
        BEGIN:STANDARD
        TZOFFSETFROM:+0200
        TZOFFSETTO:+0100
        TZNAME:CET
        DTSTART:19701025T030000
        RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
        END:STANDARD
        END:VTIMEZONE
        """;

    public static string Write(CalendarDto calendar, Venue venue, DateTimeOffset now)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Conventions engine//Scheduling//FR",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            $"X-WR-CALNAME:{Text(calendar.VenueName)}",
            "X-WR-TIMEZONE:Europe/Paris",
        };
        lines.AddRange(ParisTimeZone.Split('\n').Select(l => l.TrimEnd('\r')));
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var o in calendar.Items)
        {
            var room = venue.Rooms.FirstOrDefault(r => r.Id == o.RoomId)?.Name ?? string.Empty;
            lines.Add("BEGIN:VEVENT");
            lines.Add($"UID:{o.Id:N}@conventions-engine");
            lines.Add($"DTSTAMP:{stamp}");
            lines.Add($"DTSTART;TZID=Europe/Paris:{Local(o.StartsAt)}");
            lines.Add($"DTEND;TZID=Europe/Paris:{Local(o.EndsAt)}");
            lines.Add($"SUMMARY:{Text(o.Title)}");
            lines.Add($"LOCATION:{Text($"{venue.Name}, {room}, {venue.Line1}, {venue.PostalCode} {venue.City}")}");
            lines.Add($"DESCRIPTION:{Text(o.Status == OccurrenceStatus.Cancelled ? $"Non maintenue : {o.CancellationReason}" : $"{o.Appointments}/{o.Capacity} rendez-vous")}");
            lines.Add($"STATUS:{(o.Status == OccurrenceStatus.Cancelled ? "CANCELLED" : "CONFIRMED")}");
            lines.Add("END:VEVENT");
        }
        lines.Add("END:VCALENDAR");
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(builder, line);
        }
        return builder.ToString();
    }

    private static string Local(DateTimeOffset instant) =>
        ParisTime.ToParis(instant).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 TEXT escaping: backslash, semicolon, comma and newlines.</summary>
    private static string Text(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);

    /// <summary>Lines longer than 75 octets are folded: CRLF then a space (never inside a UTF-8 sequence).</summary>
    private static void Fold(StringBuilder builder, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                builder.Append("\r\n ");
                octets = 1;
            }
            builder.Append(rune.ToString());
            octets += size;
        }
        builder.Append("\r\n");
    }
}
