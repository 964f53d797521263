using System.Net;
using Conventions.Testing;
using Scheduling.Tests.Driver;

namespace Scheduling.Tests.Occurrences;

/// <summary><c>POST /occurrences/{id}/appointments</c>: within the permanence's capacity.</summary>
public sealed class BookAppointmentTests : SchedulingTest
{
    [Fact]
    public async Task Appointments_are_taken_within_capacity()
    {
        var occurrence = (await Premises.DeclareAsync(Premises.Permanence(capacity: 2))).Occurrences[0].Id;

        await Premises.AppointmentCall(occurrence, SchedulingDriver.Person("Amina"), Premises.Operator).ExpectAsync(HttpStatusCode.Created);
        var second = await Premises.AppointmentCall(occurrence, SchedulingDriver.Person("Bruno")).ExpectAsync<AppointmentView>(HttpStatusCode.Created);

        Assert.Equal((2, 2), (second.Booked, second.Capacity));
        await Premises.AppointmentCall(occurrence, SchedulingDriver.Person("Chloe")).ExpectProblemAsync(HttpStatusCode.Conflict, "occurrence.full");
    }
}
