using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Scheduling.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class CalendarInIndexOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_scheduling_occurrences_VenueId_StartsAt",
                table: "scheduling_occurrences");

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_occurrences_VenueId_StartsAt_Id_Date",
                table: "scheduling_occurrences",
                columns: new[] { "VenueId", "StartsAt", "Id", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_scheduling_occurrences_VenueId_StartsAt_Id_Date",
                table: "scheduling_occurrences");

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_occurrences_VenueId_StartsAt",
                table: "scheduling_occurrences",
                columns: new[] { "VenueId", "StartsAt" });
        }
    }
}
