using System.Net;
using System.Text.RegularExpressions;
using Conventions.Testing;
using Ticketing.Tests.Driver;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Ticketing.Tests.CheckIns;

/// <summary>
/// <c>POST /sessions/{id}/check-ins</c>: the session's publisher checks counter-marks in at the door, by their code or
/// their QR code; the structure keeps the names, the publisher gets counts (issue 19).
/// </summary>
public sealed partial class CheckInTests : TicketingTest
{
    private sealed record CheckInView(Guid SessionId, string Code, string HolderName, string Role, bool AlreadyCheckedIn, DateTimeOffset CheckedInAt);

    private sealed record CountsView(Guid SessionId, int Seats, int Booked, int CheckedIn, int NotCheckedIn, int Cancelled, int Waiting);

    private Task<HttpResponseMessage> CheckInCall(Guid sessionId, string code, HttpClient? client = null) =>
        (client ?? Ticketing.Publisher).PostJsonAsync($"/api/v1/sessions/{sessionId}/check-ins", new { code });

    [Fact]
    public async Task The_publisher_checks_a_code_in_once_and_gets_the_name_to_compare_with_an_id_and_counts_without_names()
    {
        var offer = await Ticketing.PublishAsync(3);
        var session = offer.Session.Id;
        var samia = await Ticketing.BookSomeoneAsync(session, "Samia K.", guests: 1);
        var bruno = await Ticketing.BookSomeoneAsync(session, "Bruno L.");
        var waiting = await Ticketing.BookSomeoneAsync(session, "Chloé M.");
        Assert.Equal("waitlisted", waiting.Status);
        var other = await Ticketing.PublishAsync(5, title: "Autre spectacle");
        var elsewhere = await Ticketing.BookSomeoneAsync(other.Session.Id, "Dora N.");

        // The door opens three hours before the 20:30 show.
        await CheckInCall(session, samia.Invitations[0].Code).ExpectProblemAsync(HttpStatusCode.Conflict, "check_in.outside_window");
        Factory.Clock.SetParisDate(new DateOnly(2026, 12, 4), new TimeOnly(20, 0));

        // Typed in lower case without its dash: the same code.
        var typed = samia.Invitations[0].Code.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant();
        var first = await CheckInCall(session, typed).ExpectAsync<CheckInView>(HttpStatusCode.OK);
        Assert.Equal(("Samia K.", "beneficiary", false, samia.Invitations[0].Code), (first.HolderName, first.Role, first.AlreadyCheckedIn, first.Code));
        var again = await CheckInCall(session, samia.Invitations[0].Code).ExpectAsync<CheckInView>(HttpStatusCode.OK);
        Assert.Equal((true, first.CheckedInAt), (again.AlreadyCheckedIn, again.CheckedInAt));

        await CheckInCall(session, "ZZZZ-ZZZZ").ExpectProblemAsync(HttpStatusCode.NotFound, "check_in.unknown_code");
        await CheckInCall(session, "pas un code").ExpectProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await CheckInCall(session, elsewhere.Invitations[0].Code).ExpectProblemAsync(HttpStatusCode.Conflict, "check_in.other_session");
        await CheckInCall(session, waiting.Invitations[0].Code).ExpectProblemAsync(HttpStatusCode.Conflict, "check_in.waitlisted");
        await Ticketing.CancelAsync(bruno.Id);
        await CheckInCall(session, bruno.Invitations[0].Code).ExpectProblemAsync(HttpStatusCode.Conflict, "check_in.cancelled");

        // Only the session's publisher (or the operator) checks in; a booker or another publisher does not.
        await CheckInCall(session, samia.Invitations[1].Code, Ticketing.Booker).ExpectProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
        var rival = await Scenario.Operator.CreateOrganizationAsync("Autre théâtre", "cultural-institution");
        var (_, rivalKey) = await Scenario.Operator.IssueKeyAsync(rival, "publisher");
        await CheckInCall(session, samia.Invitations[1].Code, Factory.Client(rivalKey)).ExpectProblemAsync(HttpStatusCode.Forbidden, "offer.forbidden");
        await CheckInCall(session, samia.Invitations[1].Code, Scenario.Operator).ExpectAsync(HttpStatusCode.OK);

        // The structure sees the attendance filled in; the publisher sees counts, and no name.
        var booking = await Ticketing.BookingAsync(samia.Id);
        Assert.Equal(["attended", "attended"], booking.Invitations.Select(i => i.Status));
        var response = await Ticketing.Publisher.GetAsync($"/api/v1/sessions/{session}/check-ins");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Samia", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var counts = System.Text.Json.JsonSerializer.Deserialize<CountsView>(body, System.Text.Json.JsonSerializerOptions.Web)!;
        // Bruno's seat went to Chloé, who was waiting: 3 booked, 2 in, 1 cancelled, nobody waiting.
        Assert.Equal((3, 3, 2, 1, 1, 0), (counts.Seats, counts.Booked, counts.CheckedIn, counts.NotCheckedIn, counts.Cancelled, counts.Waiting));

        Factory.Clock.SetParisDate(new DateOnly(2026, 12, 5), new TimeOnly(0, 0));
        await CheckInCall(session, samia.Invitations[0].Code).ExpectProblemAsync(HttpStatusCode.Conflict, "check_in.outside_window");
    }

    [Fact]
    public async Task The_printed_counter_mark_carries_its_code_as_a_qr_code_a_reader_decodes()
    {
        var offer = await Ticketing.PublishAsync(10);
        var booking = await Ticketing.BookSomeoneAsync(offer.Session.Id, "Samia K.", guests: 1);
        var code = booking.Invitations[1].Code;

        var document = await Ticketing.Booker.GetStringAsync($"/api/v1/invitations/{booking.Invitations[1].Id}/document");

        Assert.Equal(code, DecodeQr(document));
        // The snapshot, with the drawn code and its text in place of this booking's.
        var normalized = QrSvg().Replace(document, "<svg class=\"qr\">…</svg>").Replace(code, "ABCD-2345", StringComparison.Ordinal);
        Approvals.Verify(normalized, "counter-mark");
    }

    /// <summary>Rasterises the counter-mark's SVG QR code (its dark-module runs) and reads it back with ZXing.</summary>
    private static string DecodeQr(string html)
    {
        var svg = QrSvg().Match(html);
        Assert.True(svg.Success, "The counter-mark has no QR code.");
        var size = int.Parse(ViewBox().Match(svg.Value).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        const int scale = 4;
        var pixels = Enumerable.Repeat((byte)255, size * scale * size * scale).ToArray();
        foreach (Match run in DarkRun().Matches(svg.Value))
        {
            var (x, y, width) = (int.Parse(run.Groups[1].Value), int.Parse(run.Groups[2].Value), int.Parse(run.Groups[3].Value));
            for (var py = y * scale; py < (y + 1) * scale; py++)
            {
                for (var px = x * scale; px < (x + width) * scale; px++)
                {
                    pixels[py * size * scale + px] = 0;
                }
            }
        }
        var source = new RGBLuminanceSource(pixels, size * scale, size * scale, RGBLuminanceSource.BitmapFormat.Gray8);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)))?.Text ?? "(unreadable)";
    }

    [GeneratedRegex("<svg[^>]*class=\"qr\".*?</svg>", RegexOptions.Singleline)]
    private static partial Regex QrSvg();

    [GeneratedRegex("viewBox=\"0 0 (\\d+) \\d+\"")]
    private static partial Regex ViewBox();

    [GeneratedRegex("<rect x=\"(\\d+)\" y=\"(\\d+)\" width=\"(\\d+)\" height=\"1\"/>")]
    private static partial Regex DarkRun();
}
