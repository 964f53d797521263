using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Scheduling.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class CalendarInIndexOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_occurrences_VenueId_StartsAt",
                schema: "scheduling",
                table: "occurrences");

            migrationBuilder.CreateIndex(
                name: "IX_occurrences_VenueId_StartsAt_Id_Date",
                schema: "scheduling",
                table: "occurrences",
                columns: new[] { "VenueId", "StartsAt", "Id", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_occurrences_VenueId_StartsAt_Id_Date",
                schema: "scheduling",
                table: "occurrences");

            migrationBuilder.CreateIndex(
                name: "IX_occurrences_VenueId_StartsAt",
                schema: "scheduling",
                table: "occurrences",
                columns: new[] { "VenueId", "StartsAt" });
        }
    }
}
