using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Ticketing.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class SessionWaitlistCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Waiting",
                schema: "ticketing",
                table: "sessions",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "WaitlistSequence",
                schema: "ticketing",
                table: "sessions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Sessions that already have bookings: the list's length and the last sequence given, as the booking writer
            // keeps them from now on.
            migrationBuilder.Sql("""
                UPDATE [ticketing].[sessions] SET
                    [Waiting] = (SELECT COUNT(*) FROM [ticketing].[bookings] AS b WHERE b.[SessionId] = [ticketing].[sessions].[Id] AND b.[Status] = N'Waitlisted'),
                    [WaitlistSequence] = COALESCE((SELECT MAX(b.[WaitlistSequence]) FROM [ticketing].[bookings] AS b WHERE b.[SessionId] = [ticketing].[sessions].[Id]), 0);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Waiting",
                schema: "ticketing",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "WaitlistSequence",
                schema: "ticketing",
                table: "sessions");
        }
    }
}
