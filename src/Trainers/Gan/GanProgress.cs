namespace Pipelines.Trainers.Gan;

/// <summary>Progress after one epoch of GAN training: the mean generator and critic losses over the epoch's steps.</summary>
/// <param name="Epoch">The epoch just finished, from 1.</param>
/// <param name="Epochs">Epochs in all.</param>
/// <param name="GeneratorLoss">Mean of -E[critic(fake)] + conditional cross-entropy.</param>
/// <param name="CriticLoss">Mean of E[critic(fake)] - E[critic(real)] + gradient penalty.</param>
public sealed record GanProgress(int Epoch, int Epochs, double GeneratorLoss, double CriticLoss);
