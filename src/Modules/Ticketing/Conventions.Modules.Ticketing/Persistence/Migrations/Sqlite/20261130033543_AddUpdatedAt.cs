using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Ticketing.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class AddUpdatedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "ticketing_offers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "ticketing_bookings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Rows written before this migration: last changed when created, as far as anyone can tell.
            migrationBuilder.Sql("UPDATE \"ticketing_offers\" SET \"UpdatedAt\" = \"CreatedAt\";");
            migrationBuilder.Sql("UPDATE \"ticketing_bookings\" SET \"UpdatedAt\" = \"CreatedAt\";");

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_offers_UpdatedAt",
                table: "ticketing_offers",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_bookings_OrganizationId_UpdatedAt",
                table: "ticketing_bookings",
                columns: new[] { "OrganizationId", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ticketing_offers_UpdatedAt",
                table: "ticketing_offers");

            migrationBuilder.DropIndex(
                name: "IX_ticketing_bookings_OrganizationId_UpdatedAt",
                table: "ticketing_bookings");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "ticketing_offers");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "ticketing_bookings");
        }
    }
}
