using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Scheduling.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "scheduling_inbox",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduling_inbox", x => new { x.EventId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "scheduling_occurrences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PermanenceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    VenueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoomId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConventionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Intervenant = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CancellationReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduling_occurrences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scheduling_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduling_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scheduling_permanences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConventionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VenueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoomId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Semester = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    DayOfWeek = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    StartTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    EndTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Intervenant = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduling_permanences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scheduling_venues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OperatorOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Line1 = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduling_venues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scheduling_visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VenueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduling_visits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scheduling_appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurrenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ReferredByVenue = table.Column<bool>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduling_appointments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_scheduling_appointments_scheduling_occurrences_OccurrenceId",
                        column: x => x.OccurrenceId,
                        principalTable: "scheduling_occurrences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scheduling_closures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VenueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduling_closures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_scheduling_closures_scheduling_venues_VenueId",
                        column: x => x.VenueId,
                        principalTable: "scheduling_venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scheduling_rooms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VenueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    HasInternet = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduling_rooms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_scheduling_rooms_scheduling_venues_VenueId",
                        column: x => x.VenueId,
                        principalTable: "scheduling_venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_appointments_OccurrenceId",
                table: "scheduling_appointments",
                column: "OccurrenceId");

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_closures_VenueId",
                table: "scheduling_closures",
                column: "VenueId");

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_occurrences_ConventionId_StartsAt",
                table: "scheduling_occurrences",
                columns: new[] { "ConventionId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_occurrences_RoomId_Status_StartsAt",
                table: "scheduling_occurrences",
                columns: new[] { "RoomId", "Status", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_occurrences_VenueId_StartsAt",
                table: "scheduling_occurrences",
                columns: new[] { "VenueId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_outbox_ProcessedAt_NextAttemptAt",
                table: "scheduling_outbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_permanences_ConventionId",
                table: "scheduling_permanences",
                column: "ConventionId");

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_rooms_VenueId",
                table: "scheduling_rooms",
                column: "VenueId");

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_visits_VenueId_On_Category",
                table: "scheduling_visits",
                columns: new[] { "VenueId", "On", "Category" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scheduling_appointments");

            migrationBuilder.DropTable(
                name: "scheduling_closures");

            migrationBuilder.DropTable(
                name: "scheduling_inbox");

            migrationBuilder.DropTable(
                name: "scheduling_outbox");

            migrationBuilder.DropTable(
                name: "scheduling_permanences");

            migrationBuilder.DropTable(
                name: "scheduling_rooms");

            migrationBuilder.DropTable(
                name: "scheduling_visits");

            migrationBuilder.DropTable(
                name: "scheduling_occurrences");

            migrationBuilder.DropTable(
                name: "scheduling_venues");
        }
    }
}
