# The host, for docker-compose.yml (production-like use with SQL Server).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY . .
# ReadyToRun: precompiled code starts the host in ~2.8 s rather than ~4.5 s on two cores (docs/performance.md).
RUN dotnet publish src/Host/Conventions.Host.csproj -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    Database__DataDirectory=/data
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "Conventions.Host.dll"]
