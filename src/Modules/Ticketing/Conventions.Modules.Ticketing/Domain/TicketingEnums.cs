namespace Conventions.Modules.Ticketing.Domain;

internal enum OfferCategory
{
    Show,
    GuidedTour,
    Conference,
    Workshop,
    Match,
    Training,
    Other,
}

internal enum SessionStatus
{
    Scheduled,
    Cancelled,
}

internal enum BookingStatus
{
    Confirmed,
    Waitlisted,
    Cancelled,
}

internal enum InvitationRole
{
    Beneficiary,
    Guest,
    Companion,
}

internal enum InvitationStatus
{
    Valid,
    Cancelled,
    Attended,
    NoShow,
}

internal enum GuestRelation
{
    Family,
    Friend,
}

internal enum CompanionKind
{
    Professional,
    Volunteer,
}
