using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Ticketing.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ticketing_beneficiaries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExternalRef = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_beneficiaries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ticketing_bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BeneficiaryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BookedByCredentialId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SessionStartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SessionWeek = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WaitlistSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AttendanceComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AttendanceRecordedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_bookings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ticketing_inbox",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_inbox", x => new { x.EventId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "ticketing_offers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PublisherOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    VenueName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_offers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ticketing_outbox",
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
                    table.PrimaryKey("PK_ticketing_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ticketing_invitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BookingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Relation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CompanionKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ticketing_invitations_ticketing_bookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "ticketing_bookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ticketing_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false),
                    SeatsLeft = table.Column<int>(type: "INTEGER", nullable: false),
                    BookingOpensAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BookingClosesAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CancellationReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_sessions", x => x.Id);
                    table.CheckConstraint("CK_sessions_seats_left", "\"SeatsLeft\" >= 0 AND \"SeatsLeft\" <= \"Seats\"");
                    table.ForeignKey(
                        name: "FK_ticketing_sessions_ticketing_offers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "ticketing_offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_beneficiaries_OrganizationId",
                table: "ticketing_beneficiaries",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_bookings_BeneficiaryId_SessionWeek",
                table: "ticketing_bookings",
                columns: new[] { "BeneficiaryId", "SessionWeek" });

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_bookings_OrganizationId_SessionStartsAt",
                table: "ticketing_bookings",
                columns: new[] { "OrganizationId", "SessionStartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_bookings_SessionId_Status_WaitlistSequence",
                table: "ticketing_bookings",
                columns: new[] { "SessionId", "Status", "WaitlistSequence" });

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_invitations_BookingId",
                table: "ticketing_invitations",
                column: "BookingId");

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_invitations_Code",
                table: "ticketing_invitations",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_offers_PublisherOrganizationId",
                table: "ticketing_offers",
                column: "PublisherOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_outbox_ProcessedAt_NextAttemptAt",
                table: "ticketing_outbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_sessions_OfferId",
                table: "ticketing_sessions",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_sessions_StartsAt",
                table: "ticketing_sessions",
                column: "StartsAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ticketing_beneficiaries");

            migrationBuilder.DropTable(
                name: "ticketing_inbox");

            migrationBuilder.DropTable(
                name: "ticketing_invitations");

            migrationBuilder.DropTable(
                name: "ticketing_outbox");

            migrationBuilder.DropTable(
                name: "ticketing_sessions");

            migrationBuilder.DropTable(
                name: "ticketing_bookings");

            migrationBuilder.DropTable(
                name: "ticketing_offers");
        }
    }
}
