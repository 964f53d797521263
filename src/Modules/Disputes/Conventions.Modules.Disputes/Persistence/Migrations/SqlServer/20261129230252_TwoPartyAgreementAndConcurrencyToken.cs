using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Disputes.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class TwoPartyAgreementAndConcurrencyToken : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AgreementAcceptedBy",
                schema: "disputes",
                table: "disputes",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreementProposal",
                schema: "disputes",
                table: "disputes",
                type: "nvarchar(max)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreementProposedBy",
                schema: "disputes",
                table: "disputes",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AgreementProposedOn",
                schema: "disputes",
                table: "disputes",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                schema: "disputes",
                table: "disputes",
                type: "int",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AgreementAcceptedBy",
                schema: "disputes",
                table: "disputes");

            migrationBuilder.DropColumn(
                name: "AgreementProposal",
                schema: "disputes",
                table: "disputes");

            migrationBuilder.DropColumn(
                name: "AgreementProposedBy",
                schema: "disputes",
                table: "disputes");

            migrationBuilder.DropColumn(
                name: "AgreementProposedOn",
                schema: "disputes",
                table: "disputes");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                schema: "disputes",
                table: "disputes");
        }
    }
}
