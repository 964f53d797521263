using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Ticketing.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class PersonalDataRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnonymisedAt",
                schema: "ticketing",
                table: "beneficiaries",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_beneficiaries_AnonymisedAt_Id",
                schema: "ticketing",
                table: "beneficiaries",
                columns: new[] { "AnonymisedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_beneficiaries_AnonymisedAt_Id",
                schema: "ticketing",
                table: "beneficiaries");

            migrationBuilder.DropColumn(
                name: "AnonymisedAt",
                schema: "ticketing",
                table: "beneficiaries");
        }
    }
}
