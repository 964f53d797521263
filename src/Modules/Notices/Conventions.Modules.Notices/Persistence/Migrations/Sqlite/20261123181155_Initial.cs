using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Notices.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notices_inbox",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notices_inbox", x => new { x.EventId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "notices_notices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceEventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeduplicationKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", maxLength: -1, nullable: false),
                    ConventionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DisputeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notices_notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notices_outbox",
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
                    table.PrimaryKey("PK_notices_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notice_audience",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NoticeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notice_audience", x => new { x.NoticeId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_notice_audience_notices_notices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "notices_notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notice_recipients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NoticeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notice_recipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_notice_recipients_notices_notices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "notices_notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notice_audience_OrganizationId",
                table: "notice_audience",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_notice_recipients_NoticeId",
                table: "notice_recipients",
                column: "NoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_notices_notices_ConventionId",
                table: "notices_notices",
                column: "ConventionId");

            migrationBuilder.CreateIndex(
                name: "IX_notices_notices_DeduplicationKey",
                table: "notices_notices",
                column: "DeduplicationKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notices_notices_DisputeId",
                table: "notices_notices",
                column: "DisputeId");

            migrationBuilder.CreateIndex(
                name: "IX_notices_notices_SourceEventId",
                table: "notices_notices",
                column: "SourceEventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notices_notices_Status_NextAttemptAt",
                table: "notices_notices",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notices_outbox_ProcessedAt_NextAttemptAt",
                table: "notices_outbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notice_audience");

            migrationBuilder.DropTable(
                name: "notice_recipients");

            migrationBuilder.DropTable(
                name: "notices_inbox");

            migrationBuilder.DropTable(
                name: "notices_outbox");

            migrationBuilder.DropTable(
                name: "notices_notices");
        }
    }
}
