using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Disputes.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "disputes");

            migrationBuilder.CreateTable(
                name: "disputes",
                schema: "disputes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ConventionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TemplateKey = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    OperatorOrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnerOrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Policy = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    RaisedBy = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Grounds = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    NoticeChannel = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    NoticeSentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NotifiedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ExplanationSubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExplanationText = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    AgreedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RemediedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ResolutionSummary = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    TerminationSentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TerminationTrackingNumber = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    NextDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbox",
                schema: "disputes",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Consumer = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    HandledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox", x => new { x.EventId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "disputes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Payload = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dispute_deadlines",
                schema: "disputes",
                columns: table => new
                {
                    Name = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    DisputeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StartsFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Period = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    NominalDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Explanation = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    ReminderOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReminderSent = table.Column<bool>(type: "bit", nullable: false),
                    Passed = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispute_deadlines", x => new { x.DisputeId, x.Name });
                    table.ForeignKey(
                        name: "FK_dispute_deadlines_disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalSchema: "disputes",
                        principalTable: "disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dispute_events",
                schema: "disputes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    DisputeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispute_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dispute_events_disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalSchema: "disputes",
                        principalTable: "disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dispute_events_DisputeId",
                schema: "disputes",
                table: "dispute_events",
                column: "DisputeId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_ConventionId",
                schema: "disputes",
                table: "disputes",
                column: "ConventionId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_NextDueOn",
                schema: "disputes",
                table: "disputes",
                column: "NextDueOn");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_ProcessedAt_NextAttemptAt",
                schema: "disputes",
                table: "outbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dispute_deadlines",
                schema: "disputes");

            migrationBuilder.DropTable(
                name: "dispute_events",
                schema: "disputes");

            migrationBuilder.DropTable(
                name: "inbox",
                schema: "disputes");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "disputes");

            migrationBuilder.DropTable(
                name: "disputes",
                schema: "disputes");
        }
    }
}
