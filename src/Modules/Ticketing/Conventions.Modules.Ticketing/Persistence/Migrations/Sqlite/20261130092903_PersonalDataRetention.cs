using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Ticketing.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class PersonalDataRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AnonymisedAt",
                table: "ticketing_beneficiaries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_beneficiaries_AnonymisedAt_Id",
                table: "ticketing_beneficiaries",
                columns: new[] { "AnonymisedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ticketing_beneficiaries_AnonymisedAt_Id",
                table: "ticketing_beneficiaries");

            migrationBuilder.DropColumn(
                name: "AnonymisedAt",
                table: "ticketing_beneficiaries");
        }
    }
}
