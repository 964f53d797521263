using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Ticketing.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class PostgreSqlInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "ticketing");

            migrationBuilder.CreateTable(
                name: "beneficiaries",
                schema: "ticketing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExternalRef = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_beneficiaries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bookings",
                schema: "ticketing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfferId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    BeneficiaryId = table.Column<Guid>(type: "uuid", nullable: false),
                    BookedByCredentialId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SessionStartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SessionWeek = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WaitlistSequence = table.Column<long>(type: "bigint", nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AttendanceComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AttendanceRecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency",
                schema: "ticketing",
                columns: table => new
                {
                    CredentialId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Response = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotency", x => new { x.CredentialId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "inbox",
                schema: "ticketing",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HandledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox", x => new { x.EventId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "offers",
                schema: "ticketing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PublisherOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    VenueName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    City = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "ticketing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "invitations",
                schema: "ticketing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BookingId = table.Column<Guid>(type: "uuid", nullable: false),
                    HolderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Relation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CompanionKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_invitations_bookings_BookingId",
                        column: x => x.BookingId,
                        principalSchema: "ticketing",
                        principalTable: "bookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                schema: "ticketing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OfferId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Seats = table.Column<int>(type: "integer", nullable: false),
                    SeatsLeft = table.Column<int>(type: "integer", nullable: false),
                    BookingOpensAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    BookingClosesAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CancellationReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Waiting = table.Column<int>(type: "integer", nullable: false),
                    WaitlistSequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sessions", x => x.Id);
                    table.CheckConstraint("CK_sessions_seats_left", "\"SeatsLeft\" >= 0 AND \"SeatsLeft\" <= \"Seats\"");
                    table.ForeignKey(
                        name: "FK_sessions_offers_OfferId",
                        column: x => x.OfferId,
                        principalSchema: "ticketing",
                        principalTable: "offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_beneficiaries_OrganizationId",
                schema: "ticketing",
                table: "beneficiaries",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_BeneficiaryId_SessionWeek",
                schema: "ticketing",
                table: "bookings",
                columns: new[] { "BeneficiaryId", "SessionWeek" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_OrganizationId_SessionStartsAt",
                schema: "ticketing",
                table: "bookings",
                columns: new[] { "OrganizationId", "SessionStartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_OrganizationId_UpdatedAt",
                schema: "ticketing",
                table: "bookings",
                columns: new[] { "OrganizationId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_SessionId_Status_WaitlistSequence",
                schema: "ticketing",
                table: "bookings",
                columns: new[] { "SessionId", "Status", "WaitlistSequence" });

            migrationBuilder.CreateIndex(
                name: "IX_idempotency_CreatedAt",
                schema: "ticketing",
                table: "idempotency",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_invitations_BookingId",
                schema: "ticketing",
                table: "invitations",
                column: "BookingId");

            migrationBuilder.CreateIndex(
                name: "IX_invitations_Code",
                schema: "ticketing",
                table: "invitations",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_offers_PublisherOrganizationId",
                schema: "ticketing",
                table: "offers",
                column: "PublisherOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_offers_UpdatedAt",
                schema: "ticketing",
                table: "offers",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_ProcessedAt_NextAttemptAt",
                schema: "ticketing",
                table: "outbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_sessions_OfferId",
                schema: "ticketing",
                table: "sessions",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_sessions_StartsAt",
                schema: "ticketing",
                table: "sessions",
                column: "StartsAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "beneficiaries",
                schema: "ticketing");

            migrationBuilder.DropTable(
                name: "idempotency",
                schema: "ticketing");

            migrationBuilder.DropTable(
                name: "inbox",
                schema: "ticketing");

            migrationBuilder.DropTable(
                name: "invitations",
                schema: "ticketing");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "ticketing");

            migrationBuilder.DropTable(
                name: "sessions",
                schema: "ticketing");

            migrationBuilder.DropTable(
                name: "bookings",
                schema: "ticketing");

            migrationBuilder.DropTable(
                name: "offers",
                schema: "ticketing");
        }
    }
}
