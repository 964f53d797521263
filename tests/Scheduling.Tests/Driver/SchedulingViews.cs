namespace Scheduling.Tests.Driver;

// The API's answers as a partner portal reads them (the JSON contract, enums as their kebab-case strings, instants as
// the text the API writes), read with the API's own JSON options.

public sealed record OccurrenceView(Guid Id, string Kind, string Date, string StartsAt, string EndsAt, string Title, int Capacity, int Appointments, string Status, string? CancellationReason);

public sealed record SkippedDateView(string Date, string Reason);

public sealed record PermanenceView(Guid Id, string StartTime, string EndTime, IReadOnlyList<OccurrenceView> Occurrences, IReadOnlyList<SkippedDateView> Skipped, string Status, string? RefusalReason);

public sealed record AppointmentView(Guid Id, Guid OccurrenceId, string PersonName, int Booked, int Capacity);

public sealed record ConflictView(Guid OccurrenceId, string Kind, string Date);

public sealed record ClosureView(Guid Id, string From, string To, string Reason);

public sealed record ClosureResultView(ClosureView Closure, IReadOnlyList<OccurrenceView> CancelledOccurrences);

public sealed record StatisticsView(int Year, int Total, IReadOnlyDictionary<string, int> ByCategory);

public sealed record PageView<T>(IReadOnlyList<T> Items, int Total, string? Next = null);

public sealed record RecipientView(string Name, string Email);

public sealed record NoticeView(string Kind, string Subject, IReadOnlyList<RecipientView> Recipients, Guid Id = default);

public sealed record LetterView(Guid Id, string Kind, string BodyHtml);
