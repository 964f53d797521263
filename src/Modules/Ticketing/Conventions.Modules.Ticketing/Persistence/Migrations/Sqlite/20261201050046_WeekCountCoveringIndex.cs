using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Ticketing.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class WeekCountCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ticketing_bookings_BeneficiaryId_SessionWeek",
                table: "ticketing_bookings");

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_bookings_BeneficiaryId_SessionWeek_Status",
                table: "ticketing_bookings",
                columns: new[] { "BeneficiaryId", "SessionWeek", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ticketing_bookings_BeneficiaryId_SessionWeek_Status",
                table: "ticketing_bookings");

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_bookings_BeneficiaryId_SessionWeek",
                table: "ticketing_bookings",
                columns: new[] { "BeneficiaryId", "SessionWeek" });
        }
    }
}
