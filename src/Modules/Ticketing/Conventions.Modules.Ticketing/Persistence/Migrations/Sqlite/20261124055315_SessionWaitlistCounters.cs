using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Ticketing.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class SessionWaitlistCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Waiting",
                table: "ticketing_sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "WaitlistSequence",
                table: "ticketing_sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Sessions that already have bookings: the list's length and the last sequence given, as the booking writer
            // keeps them from now on.
            migrationBuilder.Sql("""
                UPDATE "ticketing_sessions" SET
                    "Waiting" = (SELECT COUNT(*) FROM "ticketing_bookings" AS b WHERE b."SessionId" = "ticketing_sessions"."Id" AND b."Status" = 'Waitlisted'),
                    "WaitlistSequence" = COALESCE((SELECT MAX(b."WaitlistSequence") FROM "ticketing_bookings" AS b WHERE b."SessionId" = "ticketing_sessions"."Id"), 0);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Waiting",
                table: "ticketing_sessions");

            migrationBuilder.DropColumn(
                name: "WaitlistSequence",
                table: "ticketing_sessions");
        }
    }
}
