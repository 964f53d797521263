using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Disputes.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "disputes_disputes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConventionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TemplateKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OperatorOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Policy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Grounds = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    NoticeChannel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NoticeSentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NotifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ExplanationSubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExplanationText = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    AgreedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RemediedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ResolutionSummary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    TerminationSentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TerminationTrackingNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    NextDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_disputes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "disputes_inbox",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes_inbox", x => new { x.EventId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "disputes_outbox",
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
                    table.PrimaryKey("PK_disputes_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dispute_deadlines",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DisputeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    NominalDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReminderOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReminderSent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispute_deadlines", x => new { x.DisputeId, x.Name });
                    table.ForeignKey(
                        name: "FK_dispute_deadlines_disputes_disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalTable: "disputes_disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dispute_events",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DisputeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispute_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dispute_events_disputes_disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalTable: "disputes_disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dispute_events_DisputeId",
                table: "dispute_events",
                column: "DisputeId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_disputes_ConventionId",
                table: "disputes_disputes",
                column: "ConventionId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_disputes_NextDueOn",
                table: "disputes_disputes",
                column: "NextDueOn");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_outbox_ProcessedAt_NextAttemptAt",
                table: "disputes_outbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dispute_deadlines");

            migrationBuilder.DropTable(
                name: "dispute_events");

            migrationBuilder.DropTable(
                name: "disputes_inbox");

            migrationBuilder.DropTable(
                name: "disputes_outbox");

            migrationBuilder.DropTable(
                name: "disputes_disputes");
        }
    }
}
