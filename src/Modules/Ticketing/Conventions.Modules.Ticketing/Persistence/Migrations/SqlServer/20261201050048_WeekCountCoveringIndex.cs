using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Ticketing.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class WeekCountCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_bookings_BeneficiaryId_SessionWeek",
                schema: "ticketing",
                table: "bookings");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_BeneficiaryId_SessionWeek_Status",
                schema: "ticketing",
                table: "bookings",
                columns: new[] { "BeneficiaryId", "SessionWeek", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_bookings_BeneficiaryId_SessionWeek_Status",
                schema: "ticketing",
                table: "bookings");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_BeneficiaryId_SessionWeek",
                schema: "ticketing",
                table: "bookings",
                columns: new[] { "BeneficiaryId", "SessionWeek" });
        }
    }
}
