namespace Conventions.Modules.Partners.Domain;

internal enum SeasonEventKind
{
    SeasonMeeting,
    Training,
    Workshop,
    Mediation,
}

internal enum SeasonEventStatus
{
    /// <summary>A mediation activity a partner proposed, awaiting the operator.</summary>
    Proposed,

    /// <summary>In the programme: open to registrations.</summary>
    Scheduled,

    /// <summary>A proposal the operator declined, with its reason.</summary>
    Declined,
}

internal enum RegistrationStatus
{
    Confirmed,
    Waitlisted,
    Cancelled,
}

/// <summary>
/// A meeting, training, workshop or mediation activity for the staff and volunteers of a program's partners (issue 19:
/// "des rendez-vous de saison en juin et en septembre", "formations, ateliers, rencontres"). Its registrations name
/// people; past the capacity they wait, and a freed seat goes to the first waiting.
/// </summary>
internal sealed class SeasonEvent : global::Conventions.BuildingBlocks.Persistence.IConcurrencyChecked
{
    private SeasonEvent()
    {
    }

    public Guid Id { get; private set; }

    public string ProgramKey { get; private set; } = string.Empty;

    public Guid OperatorOrganizationId { get; private set; }

    public SeasonEventKind Kind { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public string Place { get; private set; } = string.Empty;

    public int Capacity { get; private set; }

    /// <summary>The partner kinds it is for; empty: every partner of the program.</summary>
    public List<OrganizationKind> Audience { get; private set; } = [];

    public SeasonEventStatus Status { get; private set; }

    /// <summary>The partner that proposed it (a mediation activity), if any.</summary>
    public Guid? ProposedByOrganizationId { get; private set; }

    public string? DeclineReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReminderSentAt { get; private set; }

    /// <summary>The last waiting-list number given.</summary>
    public int WaitlistSequence { get; private set; }

    /// <summary>Concurrency token: registrations racing for the last seat cannot both take it.</summary>
    public int RowVersion { get; private set; }

    /// <summary>When it or one of its registrations last changed (every change bumps <see cref="RowVersion"/>).</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    public AppException ConcurrentChange() =>
        new ConflictException("season_event.changed", "This event's registrations changed at the same time: try again.");

    public List<EventRegistration> Registrations { get; private set; } = [];

    public static SeasonEvent Schedule(string program, Guid operatorId, SeasonEventKind kind, string title, string? description, DateTimeOffset startsAt, string place,
        int capacity, IEnumerable<OrganizationKind> audience, DateTimeOffset now, Guid? proposedBy = null, Guid? id = null) => new()
    {
        Id = id ?? Guid.CreateVersion7(now),
        ProgramKey = program,
        OperatorOrganizationId = operatorId,
        Kind = kind,
        Title = title,
        Description = description,
        StartsAt = startsAt,
        Place = place,
        Capacity = capacity,
        Audience = audience.Distinct().ToList(),
        Status = proposedBy is null ? SeasonEventStatus.Scheduled : SeasonEventStatus.Proposed,
        ProposedByOrganizationId = proposedBy,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public int Confirmed => Registrations.Count(r => r.Status == RegistrationStatus.Confirmed);

    public int Waiting => Registrations.Count(r => r.Status == RegistrationStatus.Waitlisted);

    public int SeatsLeft => Math.Max(0, Capacity - Confirmed);

    public bool IsFor(OrganizationKind kind) => Audience.Count == 0 || Audience.Contains(kind);

    /// <summary>Registers a named person: a seat if one is left, the waiting list otherwise. Only before the event, when scheduled, for its audience.</summary>
    public EventRegistration Register(Guid organizationId, OrganizationKind kind, string personName, string role, string? email, DateTimeOffset now)
    {
        EnsureOpen(now);
        if (!IsFor(kind))
        {
            throw new BusinessRuleException("season_event.not_in_audience", "This event is for other kinds of partners.");
        }
        if (Registrations.Any(r => r.Status != RegistrationStatus.Cancelled && r.OrganizationId == organizationId
                && string.Equals(r.PersonName, personName, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ConflictException("season_event.already_registered", $"{personName} is already registered.");
        }
        var confirmed = Confirmed < Capacity;
        var registration = new EventRegistration
        {
            Id = Guid.CreateVersion7(now),
            EventId = Id,
            OrganizationId = organizationId,
            PersonName = personName,
            RoleInStructure = role,
            Email = email,
            Status = confirmed ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted,
            WaitlistNumber = confirmed ? null : ++WaitlistSequence,
            RegisteredAt = now,
        };
        Registrations.Add(registration);
        UpdatedAt = now;
        return registration;
    }

    /// <summary>Cancels a registration; a confirmed seat freed goes to the first waiting registration. Returns the one promoted, if any.</summary>
    public EventRegistration? Cancel(Guid registrationId, DateTimeOffset now)
    {
        var registration = Registrations.SingleOrDefault(r => r.Id == registrationId) ?? throw NotFoundException.For("registration", registrationId);
        if (registration.Status == RegistrationStatus.Cancelled)
        {
            throw new ConflictException("registration.already_cancelled", "This registration is already cancelled.");
        }
        if (now >= StartsAt)
        {
            throw new ConflictException("season_event.started", "The event has started: registrations no longer change.");
        }
        var freed = registration.Status == RegistrationStatus.Confirmed;
        registration.Status = RegistrationStatus.Cancelled;
        registration.CancelledAt = now;
        UpdatedAt = now;
        var next = Registrations.Where(r => r.Status == RegistrationStatus.Waitlisted).OrderBy(r => r.WaitlistNumber).FirstOrDefault();
        if (!freed || next is null || Confirmed >= Capacity)
        {
            return null;
        }
        next.Status = RegistrationStatus.Confirmed;
        next.PromotedAt = now;
        return next;
    }

    /// <summary>Who came, taken by the operator once the event has started; only confirmed registrations.</summary>
    public void TakeAttendance(IEnumerable<(Guid RegistrationId, bool Attended)> entries, DateTimeOffset now)
    {
        if (now < StartsAt)
        {
            throw new ConflictException("season_event.not_started", "Attendance is taken once the event has started.");
        }
        foreach (var (id, attended) in entries)
        {
            var registration = Registrations.SingleOrDefault(r => r.Id == id)
                ?? throw InvalidInputException.Field("registrations", $"Registration '{id}' is not part of this event.");
            if (registration.Status != RegistrationStatus.Confirmed)
            {
                throw new ConflictException("registration.not_confirmed", $"{registration.PersonName} had no seat.");
            }
            registration.Attended = attended;
        }
        UpdatedAt = now;
    }

    public void Accept()
    {
        EnsureProposed();
        Status = SeasonEventStatus.Scheduled;
    }

    public void Decline(string reason)
    {
        EnsureProposed();
        Status = SeasonEventStatus.Declined;
        DeclineReason = reason;
    }

    public void ReminderSent(DateTimeOffset now) => ReminderSentAt = now;

    private void EnsureProposed()
    {
        if (Status != SeasonEventStatus.Proposed)
        {
            throw new ConflictException("season_event.not_proposed", "Only a proposed activity is accepted or declined.");
        }
    }

    private void EnsureOpen(DateTimeOffset now)
    {
        if (Status != SeasonEventStatus.Scheduled)
        {
            throw new ConflictException("season_event.not_scheduled", "This activity is not in the programme (proposed or declined).");
        }
        if (now >= StartsAt)
        {
            throw new ConflictException("season_event.started", "The event has started: registrations are closed.");
        }
    }
}

/// <summary>A named person registered by a partner's staff for a season event.</summary>
internal sealed class EventRegistration
{
    public Guid Id { get; set; }

    public Guid EventId { get; set; }

    public Guid OrganizationId { get; set; }

    public string PersonName { get; set; } = string.Empty;

    public string RoleInStructure { get; set; } = string.Empty;

    public string? Email { get; set; }

    public RegistrationStatus Status { get; set; }

    /// <summary>Its place in the order of the waiting list (kept once promoted).</summary>
    public int? WaitlistNumber { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public DateTimeOffset? PromotedAt { get; set; }

    public bool? Attended { get; set; }
}
