namespace Conventions.Modules.Disputes.Domain;

internal enum DisputeKind
{
    Breach,
    InternalRulesBreach,
}

internal enum NoticeChannel
{
    SimpleLetter,
    RegisteredLetter,
    Email,
    HandDelivered,
}
